import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';
import {
  startFakeModelServer,
  streamedPieces,
  type FakeModelServerOptions,
  type ModelApiDialect,
} from './fake-model-server.js';
import { toBase64Float32 } from './fake-vectors.js';

export type { FakeFaultyStream, FakeReply } from './fake-model-server.js';

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

export interface FakeOpenAiServerOptions extends FakeModelServerOptions<
  OpenAiChatRequestBody,
  OpenAiEmbeddingsRequestBody
> {
  /**
   * When set, a request whose `Authorization` is not `Bearer <apiKey>` gets 401 as from api.openai.com.
   * Its message echoes the key that was sent, in full (the real API echoes it partly masked), so tests can
   * prove Kizuna never passes it on.
   */
  readonly apiKey?: string;
}

export interface FakeOpenAiServer {
  /** The value for `OPENAI_BASE_URL`: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for the OpenAI API on 127.0.0.1, speaking what the `openai` SDK (used by ChatOpenAI and
 * OpenAIEmbeddings) sends: `POST /v1/chat/completions` (JSON, or server-sent events when `stream` is true)
 * and `POST /v1/embeddings` (float arrays, or base64 float32 when `encoding_format` is "base64", the SDK's
 * default).
 */
export async function startFakeOpenAiServer(
  options: FakeOpenAiServerOptions = {},
): Promise<FakeOpenAiServer> {
  const server = await startFakeModelServer(openAiDialect(options.apiKey), options);
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

function openAiDialect(apiKey: string | undefined): ModelApiDialect<OpenAiEmbeddingsRequestBody> {
  return {
    chatPath: '/v1/chat/completions',
    embeddingsPath: '/v1/embeddings',
    streamsByDefault: false,
    error: (status, message) => openAiError(status, message, 'invalid_request_error'),
    refuse(request) {
      if (apiKey === undefined) return undefined;
      const authorization = request.headers.authorization ?? '';
      if (authorization === `Bearer ${apiKey}`) return undefined;
      const sent = authorization.replace(/^Bearer\s+/i, '');
      return openAiError(
        401,
        `Incorrect API key provided: ${sent}.`,
        'invalid_request_error',
        'invalid_api_key',
      );
    },
    completion: (model, content) => ({
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
    }),
    stream(model, content) {
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
        ...streamedPieces(content).map((piece) => chunk({ content: piece }, null)),
        chunk({}, 'stop'),
      ];
      return {
        contentType: 'text/event-stream',
        frames: [...events.map((event) => `data: ${JSON.stringify(event)}\n\n`), 'data: [DONE]\n\n'],
      };
    },
    embeddingsResponse: (body, vectors) => ({
      object: 'list',
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: body.encoding_format === 'base64' ? toBase64Float32(vector) : vector,
      })),
      model: body.model,
      usage: { prompt_tokens: vectors.length, total_tokens: vectors.length },
    }),
  };
}
