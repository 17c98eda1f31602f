import type { KizunaError } from '../errors.js';

/**
 * Why a model answer was replaced by the offline one, in words a person can read next to the answer
 * ("Answered from the fact sheets directly: the language model did not answer in time.").
 * The full technical reason goes to the logs; this one names no host and no key.
 */
export function fallbackReasonFor(error: KizunaError): string {
  const message = error.message;
  const timeout = /no reply within (\d+) ms/.exec(message);
  if (timeout !== null) return `the language model did not answer within ${timeout[1]} ms`;
  if (/is busy/.test(message)) return 'the language model was busy with other questions';
  if (/HTTP 429/.test(message)) return 'the language model was rate limited';
  if (/unusable response|not valid JSON|unexpected shape|stream/.test(message)) {
    return 'the language model returned an unusable reply';
  }
  return 'the language model was unavailable';
}

/** The reason when the reply arrived but none of its sentences could be verified against its citations. */
export const UNVERIFIED_REPLY_REASON =
  'no sentence of the language model’s reply could be verified against the passages it cited';

/**
 * The short note shown under an answer that fell back, in the CLI and on Discord:
 * "Answered from the fact sheets directly: the language model did not answer within 30000 ms."
 */
export function formatFallbackNote(reason: string): string {
  return `Answered from the fact sheets directly: ${reason}.`;
}
