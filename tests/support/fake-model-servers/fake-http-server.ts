import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake server received, for tests to assert on what was sent. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  readonly body: unknown;
  readonly rawBody: string;
}

/** A canned HTTP response: objects in `body` are sent as JSON, strings as they are. */
export interface FakeHttpResponse {
  readonly status: number;
  readonly body?: unknown;
  /** @default "application/json" for object bodies, "text/plain" for strings */
  readonly contentType?: string;
  /** Wait this long before answering (to exercise timeouts). */
  readonly delayMs?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** How a streamed reply misbehaves; without one it is sent whole and ended properly. */
export interface StreamFault {
  /** Destroy the connection after this many frames (a stream cut in the middle). */
  readonly cutAfter?: number;
  /** Send this many frames, then nothing more, never ending the response (a reply that never ends). */
  readonly hangAfter?: number;
}

/** A handler decides the response; it may write to `response` itself (streaming) and return undefined. */
export type FakeRouteHandler = (
  request: RecordedRequest,
  response: ServerResponse,
) => FakeHttpResponse | undefined | Promise<FakeHttpResponse | undefined>;

export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Stops listening, drops open connections (including delayed replies) and cancels pending timers. */
  readonly close: () => Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 (a free port) that records requests and lets `handle` answer them. */
export async function startFakeHttpServer(handle: FakeRouteHandler): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((incoming, response) => {
    void (async () => {
      const recorded = await record(incoming);
      requests.push(recorded);
      try {
        const reply = await handle(recorded, response);
        if (reply === undefined) return;
        if (reply.delayMs !== undefined && reply.delayMs > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              resolve();
            }, reply.delayMs);
            timers.add(timer);
          });
        }
        if (!response.destroyed) send(response, reply);
      } catch (error) {
        if (!response.headersSent && !response.destroyed) {
          send(response, {
            status: 500,
            body: { error: { message: `fake server failed: ${String(error)}` } },
          });
        }
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Writes a canned response. */
export function send(response: ServerResponse, reply: FakeHttpResponse): void {
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': reply.contentType ?? (isText ? 'text/plain' : 'application/json'),
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  response.end(payload);
}

/**
 * Writes a streamed response frame by frame (server-sent events, NDJSON: the caller frames them), the
 * shared base of every fake model server's streaming, including its faults. With `frameIntervalMs`, the
 * frames are spread out in time, as a model writing token by token sends them.
 */
export function writeFrames(
  response: ServerResponse,
  contentType: string,
  frames: readonly string[],
  fault: StreamFault = {},
  frameIntervalMs = 0,
): void {
  response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
  const limit = fault.cutAfter ?? fault.hangAfter;
  const sent = limit === undefined ? frames : frames.slice(0, limit);
  const finish = (): void => {
    if (fault.cutAfter !== undefined) {
      // Let the frames leave before the connection drops, as when a proxy or the model server dies.
      setTimeout(() => response.destroy(), 20);
      return;
    }
    if (fault.hangAfter !== undefined) return;
    response.end();
  };
  if (frameIntervalMs <= 0) {
    for (const frame of sent) response.write(frame);
    finish();
    return;
  }
  let next = 0;
  const writeNext = (): void => {
    // The client (or the server's close) may have dropped the connection between frames.
    if (response.destroyed) return;
    const frame = sent[next];
    next += 1;
    if (frame === undefined) return finish();
    response.write(frame);
    setTimeout(writeNext, frameIntervalMs).unref();
  };
  writeNext();
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = rawBody === '' ? undefined : JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  return {
    method: incoming.method ?? 'GET',
    path: incoming.url ?? '/',
    headers: incoming.headers,
    body,
    rawBody,
  };
}
