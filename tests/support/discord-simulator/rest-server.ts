import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordHttpError, discordErrors } from './discord-errors.js';
import { readBody } from './http-body.js';
import type { HandlerResult } from './interactions.js';
import type { Route } from './rest-routes.js';
import type { InjectedFailure, RecordedRequest } from './types.js';
import type { World } from './world.js';

const API_PREFIX = '/api/v10';

interface CompiledRoute extends Route {
  segments: string[];
  literalCount: number;
}

interface PendingFailure {
  method: string | undefined;
  path: string | RegExp;
  status: number;
  code: number;
  message: string;
  remaining: number;
}

/**
 * Serves the REST API: authenticates like Discord (`Bot <token>` except on interaction/webhook
 * routes), routes to handlers, turns thrown Discord errors into their JSON bodies, and records every
 * request (unknown routes separately) for tests to assert on.
 */
export class RestServer {
  readonly requests: RecordedRequest[] = [];
  readonly unknownRequests: RecordedRequest[] = [];
  private readonly routes: CompiledRoute[];
  private readonly failures: PendingFailure[] = [];

  constructor(
    routes: Route[],
    private readonly token: string,
    private readonly world: World,
  ) {
    this.routes = routes.map((route) => {
      const segments = route.template.split('/').filter(Boolean);
      return {
        ...route,
        segments,
        literalCount: segments.filter((segment) => !segment.startsWith(':')).length,
      };
    });
  }

  injectFailure(failure: InjectedFailure): void {
    this.failures.push({
      method: failure.method?.toUpperCase(),
      path: failure.path,
      status: failure.status ?? 500,
      code: failure.code ?? 0,
      message: failure.message ?? 'Injected failure',
      remaining: failure.times ?? 1,
    });
  }

  /** Node `request` listener. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(API_PREFIX)
      ? url.pathname.slice(API_PREFIX.length) || '/'
      : url.pathname;
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers)) {
      if (key === 'authorization' || value === undefined) continue;
      headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = request.headers.authorization;
    const auth: RecordedRequest['auth'] =
      authorization === undefined ? 'none' : authorization === `Bot ${this.token}` ? 'bot' : 'invalid';
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      auth,
      body: undefined,
      files: [],
      route: undefined,
      status: 0,
      response: undefined,
      timestamp: Date.now(),
    };

    let result: HandlerResult;
    try {
      const parsed = await readBody(request);
      record.body = parsed.body;
      record.files = parsed.files.map((file) => file.filename);
      result = this.route(url, method, path, record, parsed);
    } catch (error) {
      result = toErrorResult(error);
    }
    record.status = result.status;
    record.response = result.body;
    this.requests.push(record);
    if (record.route === undefined) this.unknownRequests.push(record);
    this.world.signal.notify();

    if (result.body === undefined) {
      response.writeHead(result.status).end();
    } else {
      const payload = JSON.stringify(result.body);
      response
        .writeHead(result.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        })
        .end(payload);
    }
  }

  private route(
    url: URL,
    method: string,
    path: string,
    record: RecordedRequest,
    parsed: Awaited<ReturnType<typeof readBody>>,
  ): HandlerResult {
    if (!url.pathname.startsWith(API_PREFIX)) throw discordErrors.notFound();
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
    let pathMatched = false;
    let best: { route: CompiledRoute; params: Record<string, string> } | undefined;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      if (!best || route.literalCount > best.route.literalCount) best = { route, params };
    }
    if (!best) {
      if (pathMatched) throw new DiscordHttpError(405, 0, '405: Method Not Allowed');
      throw discordErrors.notFound();
    }
    record.route = `${best.route.method} ${best.route.template}`;
    if (best.route.auth && record.auth !== 'bot') throw discordErrors.unauthorized();
    const failure = this.takeFailure(method, path);
    if (failure) throw new DiscordHttpError(failure.status, failure.code, failure.message);
    return best.route.handle({
      method,
      params: best.params,
      query: record.query,
      body: parsed.body,
      files: parsed.files,
    });
  }

  private takeFailure(method: string, path: string): PendingFailure | undefined {
    const failure = this.failures.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method === method) &&
        (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path)),
    );
    if (failure) failure.remaining -= 1;
    return failure;
  }
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < template.length; index += 1) {
    const expected = template[index] as string;
    const value = actual[index] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = value;
    else if (expected !== value) return undefined;
  }
  return params;
}

function toErrorResult(error: unknown): HandlerResult {
  if (error instanceof DiscordHttpError) return { status: error.status, body: error.toBody() };
  // A bug in the simulator or a test-side misuse: surface it loudly as a 500 with the reason.
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { message: `Discord simulator internal error: ${message}`, code: 0 } };
}
