import type { ServerResponse } from 'node:http';

import {
  startFakeHttpServer,
  writeFrames,
  type FakeHttpResponse,
  type RecordedRequest,
  type StreamFault,
} from './fake-http-server.js';
import { fakeVector, toBase64Float32 } from './fake-vectors.js';

/** The parts of a `POST /v1/chat/completions` body the fakes and tests look at. */
export interface OpenAiChatRequestBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
  readonly temperature?: number;
  readonly stream?: boolean;
  readonly [key: string]: unknown;
}

/** The parts of a `POST /v1/embeddings` body the fakes and tests look at. */
export interface OpenAiEmbeddingsRequestBody {
  readonly model: string;
  readonly input: string | readonly string[];
  readonly encoding_format?: 'float' | 'base64';
  readonly [key: string]: unknown;
}

/** A reply streamed with a fault (cut, hanging); sent whole when the client did not ask to stream. */
export interface FakeFaultyStream {
  readonly text: string;
  readonly fault: StreamFault;
}

export type FakeReply = string | FakeHttpResponse | FakeFaultyStream;

export interface FakeOpenAiServerOptions {
  /**
   * The assistant's reply to a chat completion: its text, or a whole HTTP response (errors, delays, garbage).
   * @default a fixed sentence citing [1]
   */
  readonly reply?: (body: OpenAiChatRequestBody, request: RecordedRequest) => FakeReply | Promise<FakeReply>;
  /** Overrides the embeddings response (errors, delays, garbage); return undefined for the normal one. */
  readonly embeddings?: (
    body: OpenAiEmbeddingsRequestBody,
    request: RecordedRequest,
  ) => FakeHttpResponse | undefined;
  /**
   * Size of the vectors returned by `/v1/embeddings`.
   * @default 8
   */
  readonly embeddingDimensions?: number;
  /**
   * When set, a request whose `Authorization` is not `Bearer <apiKey>` gets 401 as from api.openai.com.
   * Its message echoes the key that was sent, in full (the real API echoes it partly masked), so tests can
   * prove Kizuna never passes it on.
   */
  readonly apiKey?: string;
  /**
   * Milliseconds between the frames of a streamed reply (one frame per word), so a client sees the text
   * arrive over time as from a real model.
   * @default 0 (every frame at once)
   */
  readonly streamFrameIntervalMs?: number;
}

export interface FakeOpenAiServer {
  /** The value for `OPENAI_BASE_URL`: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const DEFAULT_REPLY = 'The fact sheets address this directly [1].';

/**
 * A stand-in for the OpenAI API on 127.0.0.1, speaking what the `openai` SDK (used by ChatOpenAI and
 * OpenAIEmbeddings) sends: `POST /v1/chat/completions` (JSON, or server-sent events when `stream` is true)
 * and `POST /v1/embeddings` (float arrays, or base64 float32 when `encoding_format` is "base64", the SDK's
 * default).
 */
export async function startFakeOpenAiServer(
  options: FakeOpenAiServerOptions = {},
): Promise<FakeOpenAiServer> {
  const dimensions = options.embeddingDimensions ?? 8;

  const server = await startFakeHttpServer(async (request, response) => {
    if (request.method !== 'POST')
      return openAiError(405, `Method ${request.method} not allowed`, 'invalid_request_error');

    if (options.apiKey !== undefined) {
      const authorization = request.headers.authorization ?? '';
      if (authorization !== `Bearer ${options.apiKey}`) {
        const sent = authorization.replace(/^Bearer\s+/i, '');
        return openAiError(
          401,
          `Incorrect API key provided: ${sent}.`,
          'invalid_request_error',
          'invalid_api_key',
        );
      }
    }

    if (request.path === '/v1/chat/completions') {
      const body = request.body as OpenAiChatRequestBody | undefined;
      if (body === undefined || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
        return openAiError(400, 'Invalid chat completion request body', 'invalid_request_error');
      }
      const reply = options.reply ? await options.reply(body, request) : DEFAULT_REPLY;
      if (typeof reply !== 'string' && !('fault' in reply)) return reply;
      const text = typeof reply === 'string' ? reply : reply.text;
      if (body.stream === true) {
        streamCompletion(
          response,
          body.model,
          text,
          typeof reply === 'string' ? undefined : reply.fault,
          options.streamFrameIntervalMs,
        );
        return undefined;
      }
      return { status: 200, body: completion(body.model, text) };
    }

    if (request.path === '/v1/embeddings') {
      const body = request.body as OpenAiEmbeddingsRequestBody | undefined;
      if (body === undefined || typeof body.model !== 'string' || body.input === undefined) {
        return openAiError(400, 'Invalid embeddings request body', 'invalid_request_error');
      }
      const override = options.embeddings?.(body, request);
      if (override !== undefined) return override;
      const inputs = typeof body.input === 'string' ? [body.input] : body.input;
      return {
        status: 200,
        body: {
          object: 'list',
          data: inputs.map((input, index) => {
            const vector = fakeVector(input, dimensions);
            return {
              object: 'embedding',
              index,
              embedding: body.encoding_format === 'base64' ? toBase64Float32(vector) : vector,
            };
          }),
          model: body.model,
          usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
        },
      };
    }

    return openAiError(404, `Unknown path ${request.path}`, 'invalid_request_error');
  });

  return { url: `${server.origin}/v1`, requests: server.requests, close: server.close };
}

/** An error response shaped like the OpenAI API's. */
export function openAiError(
  status: number,
  message: string,
  type = 'server_error',
  code: string | null = null,
): FakeHttpResponse {
  return { status, body: { error: { message, type, param: null, code } } };
}

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function streamCompletion(
  response: ServerResponse,
  model: string,
  content: string,
  fault?: StreamFault,
  frameIntervalMs?: number,
): void {
  const id = `chatcmpl-fake-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finishReason: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  const events = [
    chunk({ role: 'assistant', content: '' }, null),
    ...(content.match(/\S+\s*/g) ?? [content]).map((piece) => chunk({ content: piece }, null)),
    chunk({}, 'stop'),
  ];
  const frames = [...events.map((event) => `data: ${JSON.stringify(event)}\n\n`), 'data: [DONE]\n\n'];
  writeFrames(response, 'text/event-stream', frames, fault, frameIntervalMs);
}
