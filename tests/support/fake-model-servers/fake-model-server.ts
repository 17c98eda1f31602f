import {
  startFakeHttpServer,
  writeFrames,
  type FakeHttpResponse,
  type RecordedRequest,
  type StreamFault,
} from './fake-http-server.js';
import { fakeVector } from './fake-vectors.js';

/** A reply streamed with a fault (cut, hanging); sent whole when the client did not ask to stream. */
export interface FakeFaultyStream {
  readonly text: string;
  readonly fault: StreamFault;
}

/** The assistant's reply: its text, a whole HTTP response (errors, delays, garbage), or a faulty stream. */
export type FakeReply = string | FakeHttpResponse | FakeFaultyStream;

/** The chat body fields both APIs share and the fake reads. */
export interface ChatRequestBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
  readonly stream?: boolean;
}

/** The embeddings body fields both APIs share and the fake reads. */
export interface EmbeddingsRequestBody {
  readonly model: string;
  readonly input: string | readonly string[];
}

/** What a test may change of a fake model server, whichever API it speaks. */
export interface FakeModelServerOptions<Chat extends ChatRequestBody, Embed extends EmbeddingsRequestBody> {
  /**
   * The assistant's reply to a chat request.
   * @default a fixed sentence citing [1] (DEFAULT_MODEL_REPLY)
   */
  readonly reply?: (body: Chat, request: RecordedRequest) => FakeReply | Promise<FakeReply>;
  /** Overrides the embeddings response (errors, delays, garbage); return undefined for the normal one. */
  readonly embeddings?: (body: Embed, request: RecordedRequest) => FakeHttpResponse | undefined;
  /**
   * Size of the vectors returned for embeddings.
   * @default 8
   */
  readonly embeddingDimensions?: number;
  /**
   * Milliseconds between the frames of a streamed reply (one frame per word), so a client sees the text
   * arrive over time as from a real model.
   * @default 0 (every frame at once)
   */
  readonly streamFrameIntervalMs?: number;
}

/** What differs between the OpenAI and Ollama APIs: paths, wire formats, errors and refusals. */
export interface ModelApiDialect<Embed extends EmbeddingsRequestBody> {
  readonly chatPath: string;
  readonly embeddingsPath: string;
  /** Whether a chat request without `stream` streams (Ollama's default) or not (OpenAI's). */
  readonly streamsByDefault: boolean;
  /** An error response in the API's shape. */
  error(status: number, message: string): FakeHttpResponse;
  /** A refusal before the request is served (a wrong API key, a model not pulled), or undefined. */
  refuse?(request: RecordedRequest, model: string | undefined): FakeHttpResponse | undefined;
  /** The whole (not streamed) chat response. */
  completion(model: string, text: string): unknown;
  /** A streamed chat response: its content type and its frames, one word each, framed by the API's rules. */
  stream(model: string, text: string): { readonly contentType: string; readonly frames: readonly string[] };
  /** The embeddings response for these vectors, one per input. */
  embeddingsResponse(body: Embed, vectors: readonly number[][]): unknown;
}

export interface FakeModelServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  readonly close: () => Promise<void>;
}

export const DEFAULT_MODEL_REPLY = 'The fact sheets address this directly [1].';

/** Splits a reply into the pieces a model streams: each word with the spaces after it. */
export function streamedPieces(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

/**
 * The shared base of the fake OpenAI and Ollama servers on 127.0.0.1: routes chat and embeddings requests,
 * refuses malformed bodies, lets `options` decide replies (text, HTTP errors, faulty streams), streams
 * word by word, and answers embeddings with deterministic vectors ({@link fakeVector}); the dialect says
 * how each looks on the wire.
 */
export async function startFakeModelServer<Chat extends ChatRequestBody, Embed extends EmbeddingsRequestBody>(
  dialect: ModelApiDialect<Embed>,
  options: FakeModelServerOptions<Chat, Embed>,
): Promise<FakeModelServer> {
  const dimensions = options.embeddingDimensions ?? 8;
  const server = await startFakeHttpServer(async (request, response) => {
    if (request.method !== 'POST') return dialect.error(405, `method ${request.method} not allowed`);
    const model = (request.body as { model?: unknown } | undefined)?.model;
    const refusal = dialect.refuse?.(request, typeof model === 'string' ? model : undefined);
    if (refusal) return refusal;

    if (request.path === dialect.chatPath) {
      const body = request.body as Chat | undefined;
      if (body === undefined || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
        return dialect.error(400, 'invalid chat request');
      }
      const reply = options.reply ? await options.reply(body, request) : DEFAULT_MODEL_REPLY;
      if (typeof reply !== 'string' && !('fault' in reply)) return reply;
      const text = typeof reply === 'string' ? reply : reply.text;
      if (!(body.stream ?? dialect.streamsByDefault)) {
        return { status: 200, body: dialect.completion(body.model, text) };
      }
      const { contentType, frames } = dialect.stream(body.model, text);
      const fault = typeof reply === 'string' ? undefined : reply.fault;
      writeFrames(response, contentType, frames, fault, options.streamFrameIntervalMs);
      return undefined;
    }

    if (request.path === dialect.embeddingsPath) {
      const body = request.body as Embed | undefined;
      if (body === undefined || typeof body.model !== 'string' || body.input === undefined) {
        return dialect.error(400, 'invalid embeddings request');
      }
      const override = options.embeddings?.(body, request);
      if (override !== undefined) return override;
      const inputs = typeof body.input === 'string' ? [body.input] : body.input;
      const vectors = inputs.map((input) => fakeVector(input, dimensions));
      return { status: 200, body: dialect.embeddingsResponse(body, vectors) };
    }

    return dialect.error(404, `unknown path ${request.path}`);
  });
  return server;
}
