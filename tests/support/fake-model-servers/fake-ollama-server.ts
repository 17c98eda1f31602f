import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';
import {
  startFakeModelServer,
  streamedPieces,
  type FakeModelServerOptions,
  type ModelApiDialect,
} from './fake-model-server.js';

export type { FakeFaultyStream, FakeReply } from './fake-model-server.js';

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

export interface FakeOllamaServerOptions extends FakeModelServerOptions<
  OllamaChatRequestBody,
  OllamaEmbedRequestBody
> {
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

/**
 * A stand-in for an Ollama server on 127.0.0.1, speaking what the `ollama` client (used by ChatOllama and
 * OllamaEmbeddings) sends: `POST /api/chat` (newline-delimited JSON chunks when `stream` is true or absent,
 * as Ollama defaults to streaming; one JSON object otherwise) and `POST /api/embed`.
 */
export async function startFakeOllamaServer(
  options: FakeOllamaServerOptions = {},
): Promise<FakeOllamaServer> {
  const server = await startFakeModelServer(ollamaDialect(options.models), options);
  return { url: server.origin, requests: server.requests, close: server.close };
}

/** An error response shaped like Ollama's: `{"error": "..."}`. */
export function ollamaError(status: number, message: string): FakeHttpResponse {
  return { status, body: { error: message } };
}

function ollamaDialect(models: readonly string[] | undefined): ModelApiDialect<OllamaEmbedRequestBody> {
  return {
    chatPath: '/api/chat',
    embeddingsPath: '/api/embed',
    streamsByDefault: true,
    error: ollamaError,
    refuse(_request, model) {
      if (models === undefined || model === undefined) return undefined;
      if (models.some((name) => name === model || name === `${model}:latest`)) return undefined;
      return ollamaError(404, `model "${model}" not found, try pulling it first`);
    },
    completion: (model, content) => chatChunk(model, content, true),
    stream: (model, content) => ({
      contentType: 'application/x-ndjson',
      frames: [
        ...streamedPieces(content).map((piece) => `${JSON.stringify(chatChunk(model, piece, false))}\n`),
        `${JSON.stringify(chatChunk(model, '', true))}\n`,
      ],
    }),
    embeddingsResponse: (body, vectors) => ({
      model: body.model,
      embeddings: vectors,
      total_duration: 1_000_000,
      load_duration: 100_000,
      prompt_eval_count: vectors.length,
    }),
  };
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
