import type { ServerResponse } from 'node:http';

import {
  startFakeHttpServer,
  writeFrames,
  type FakeHttpResponse,
  type RecordedRequest,
  type StreamFault,
} from './fake-http-server.js';
import { fakeVector } from './fake-vectors.js';

/** The parts of a `POST /api/chat` body the fakes and tests look at. */
export interface OllamaChatRequestBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly stream?: boolean;
  readonly options?: { readonly temperature?: number; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** The parts of a `POST /api/embed` body the fakes and tests look at. */
export interface OllamaEmbedRequestBody {
  readonly model: string;
  readonly input: string | readonly string[];
  readonly [key: string]: unknown;
}

/** A reply streamed with a fault (cut, hanging); sent whole when the client did not ask to stream. */
export interface FakeFaultyStream {
  readonly text: string;
  readonly fault: StreamFault;
}

export type FakeReply = string | FakeHttpResponse | FakeFaultyStream;

export interface FakeOllamaServerOptions {
  /**
   * The assistant's reply to `/api/chat`: its text, or a whole HTTP response (errors, delays, garbage).
   * @default a fixed sentence citing [1]
   */
  readonly reply?: (body: OllamaChatRequestBody, request: RecordedRequest) => FakeReply | Promise<FakeReply>;
  /** Overrides the `/api/embed` response; return undefined for the normal one. */
  readonly embeddings?: (
    body: OllamaEmbedRequestBody,
    request: RecordedRequest,
  ) => FakeHttpResponse | undefined;
  /**
   * Size of the vectors returned by `/api/embed`.
   * @default 8
   */
  readonly embeddingDimensions?: number;
  /**
   * Models the server has pulled; others get Ollama's 404 "model not found". Undefined: every model exists.
   */
  readonly models?: readonly string[];
}

export interface FakeOllamaServer {
  /** The value for `OLLAMA_BASE_URL`: `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const DEFAULT_REPLY = 'The fact sheets address this directly [1].';

/**
 * A stand-in for an Ollama server on 127.0.0.1, speaking what the `ollama` client (used by ChatOllama and
 * OllamaEmbeddings) sends: `POST /api/chat` (newline-delimited JSON chunks when `stream` is true or absent,
 * as Ollama defaults to streaming; one JSON object otherwise) and `POST /api/embed`.
 */
export async function startFakeOllamaServer(
  options: FakeOllamaServerOptions = {},
): Promise<FakeOllamaServer> {
  const dimensions = options.embeddingDimensions ?? 8;
  const missingModel = (model: string): FakeHttpResponse | undefined =>
    options.models === undefined ||
    options.models.some((name) => name === model || name === `${model}:latest`)
      ? undefined
      : ollamaError(404, `model "${model}" not found, try pulling it first`);

  const server = await startFakeHttpServer(async (request, response) => {
    if (request.method !== 'POST') return ollamaError(405, 'method not allowed');

    if (request.path === '/api/chat') {
      const body = request.body as OllamaChatRequestBody | undefined;
      if (body === undefined || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
        return ollamaError(400, 'invalid chat request');
      }
      const missing = missingModel(body.model);
      if (missing) return missing;
      const reply = options.reply ? await options.reply(body, request) : DEFAULT_REPLY;
      if (typeof reply !== 'string' && !('fault' in reply)) return reply;
      const text = typeof reply === 'string' ? reply : reply.text;
      if (body.stream === false) return { status: 200, body: chatChunk(body.model, text, true) };
      streamChat(response, body.model, text, typeof reply === 'string' ? undefined : reply.fault);
      return undefined;
    }

    if (request.path === '/api/embed') {
      const body = request.body as OllamaEmbedRequestBody | undefined;
      if (body === undefined || typeof body.model !== 'string' || body.input === undefined) {
        return ollamaError(400, 'invalid embed request');
      }
      const missing = missingModel(body.model);
      if (missing) return missing;
      const override = options.embeddings?.(body, request);
      if (override !== undefined) return override;
      const inputs = typeof body.input === 'string' ? [body.input] : body.input;
      return {
        status: 200,
        body: {
          model: body.model,
          embeddings: inputs.map((input) => fakeVector(input, dimensions)),
          total_duration: 1_000_000,
          load_duration: 100_000,
          prompt_eval_count: inputs.length,
        },
      };
    }

    return ollamaError(404, '404 page not found');
  });

  return { url: server.origin, requests: server.requests, close: server.close };
}

/** An error response shaped like Ollama's: `{"error": "..."}`. */
export function ollamaError(status: number, message: string): FakeHttpResponse {
  return { status, body: { error: message } };
}

function chatChunk(model: string, content: string, done: boolean) {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done,
    ...(done
      ? {
          done_reason: 'stop',
          total_duration: 1_000_000,
          load_duration: 100_000,
          prompt_eval_count: 10,
          prompt_eval_duration: 100_000,
          eval_count: 10,
          eval_duration: 100_000,
        }
      : {}),
  };
}

function streamChat(response: ServerResponse, model: string, content: string, fault?: StreamFault): void {
  const frames = [
    ...(content.match(/\S+\s*/g) ?? [content]).map(
      (piece) => `${JSON.stringify(chatChunk(model, piece, false))}\n`,
    ),
    `${JSON.stringify(chatChunk(model, '', true))}\n`,
  ];
  writeFrames(response, 'application/x-ndjson', frames, fault);
}
