/**
 * Stable error codes for problems meant for the person asking (bad input, a failed reload, a broken file).
 * Front ends show `message` as is; anything that is not a KizunaError is unexpected and is logged, not shown.
 */
export type KizunaErrorCode =
  | 'EMPTY_QUESTION'
  | 'QUESTION_TOO_LONG'
  | 'INVALID_INPUT'
  | 'KNOWLEDGE_INVALID'
  | 'RELOAD_FAILED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROMPT_INVALID'
  | 'COOLDOWN'
  | 'FORBIDDEN';

export class KizunaError extends Error {
  override readonly name = 'KizunaError';

  constructor(
    readonly code: KizunaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isKizunaError(error: unknown): error is KizunaError {
  return error instanceof KizunaError;
}
