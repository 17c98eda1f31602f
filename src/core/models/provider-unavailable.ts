import { KizunaError } from '../errors.js';

export interface ProviderFailureContext {
  /** What failed, as a user would name it: "chat model", "embeddings provider". */
  readonly subject: string;
  /** `host[:port]` only. */
  readonly host: string;
  readonly timeoutMs: number;
  /** Values to blank out of any detail taken from the upstream error (the API key). */
  readonly secrets: readonly string[];
}

const STATUS_HINTS: Readonly<Record<number, string>> = {
  400: 'the request was rejected',
  401: 'the API key was rejected',
  403: 'access was denied',
  404: 'the model or endpoint was not found',
  408: 'the request timed out',
  429: 'rate limited or out of quota',
};

const MAX_DETAIL_LENGTH = 200;

/**
 * Turns anything a provider call threw into `KizunaError('PROVIDER_UNAVAILABLE')` with a message a person
 * can act on: "The chat model at api.openai.com did not answer: HTTP 401 (the API key was rejected)".
 *
 * The original error is deliberately not attached as `cause`: upstream messages can echo the API key
 * (OpenAI's 401 does, partly masked) and loggers print causes. A cleaned detail goes into the message instead.
 */
export function providerUnavailable(error: unknown, context: ProviderFailureContext): KizunaError {
  if (error instanceof KizunaError) return error;
  const reason = describeFailure(error, context);
  return new KizunaError(
    'PROVIDER_UNAVAILABLE',
    `The ${context.subject} at ${context.host} did not answer: ${reason}`,
  );
}

/** A provider answered, but with something Kizuna cannot use (no text, wrong vector sizes…). */
export function providerGarbage(problem: string, context: ProviderFailureContext): KizunaError {
  return new KizunaError(
    'PROVIDER_UNAVAILABLE',
    `The ${context.subject} at ${context.host} did not answer: it returned an unusable response (${sanitize(problem, context.secrets)})`,
  );
}

function describeFailure(error: unknown, context: ProviderFailureContext): string {
  const name = errorField(error, 'name');
  const message = errorField(error, 'message') ?? String(error);
  // An HTTP status says more than any wording about time in its body.
  const status = statusOf(error);
  if (status !== undefined) {
    const hint = STATUS_HINTS[status] ?? (status >= 500 ? 'server error' : undefined);
    const detail = sanitize(message.replace(/^\s*\d{3}\s+/, ''), context.secrets);
    return `HTTP ${status}${hint ? ` (${hint})` : ''}${detail && !/^status code/i.test(detail) ? `: ${detail}` : ''}`;
  }

  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    name === 'APIConnectionTimeoutError' ||
    /timed? ?out/i.test(message)
  ) {
    return `no reply within ${context.timeoutMs} ms`;
  }

  const networkCode =
    errorField(errorCause(error), 'code') ??
    errorField(errorCause(errorCause(error)), 'code') ??
    errorField(error, 'code');
  if (networkCode !== undefined && /^E[A-Z_]+$/.test(networkCode))
    return `could not connect (${networkCode})`;
  if (name === 'APIConnectionError' || /fetch failed|connection error/i.test(message))
    return 'could not connect';

  // Parsing failures inside the clients say nothing useful to a person ("reading 'message'").
  if (name === 'SyntaxError') return 'it returned a response that is not valid JSON';
  if (name === 'TypeError') return 'it returned a response of an unexpected shape';
  return `it returned an unusable response (${sanitize(message, context.secrets) || 'no detail'})`;
}

/** The HTTP status a provider error carries (`status`, `status_code` or `statusCode`), if any. */
export function providerErrorStatus(error: unknown): number | undefined {
  return statusOf(error);
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<string, unknown>;
  for (const key of ['status', 'status_code', 'statusCode']) {
    const value = record[key];
    if (typeof value === 'number' && value >= 100 && value <= 599) return value;
  }
  return undefined;
}

function errorField(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

function errorCause(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
}

/** Removes secrets and anything shaped like an API key or bearer token; keeps the text short. */
export function sanitize(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  }
  clean = clean
    // LangChain appends a documentation link that only clutters a one-line message.
    .replace(/\s*Troubleshooting URL:\s*\S+/gi, '')
    .replace(/\bsk-[A-Za-z0-9_*.-]{3,}/g, '[redacted]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > MAX_DETAIL_LENGTH ? `${clean.slice(0, MAX_DETAIL_LENGTH)}…` : clean;
}
