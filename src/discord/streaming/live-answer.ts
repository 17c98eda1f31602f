import type { Logger } from '../../core/logger.js';
import { createLatestValueThrottle } from './latest-value-throttle.js';

/** Discord allows about one edit a second of the same message; more only earns 429s and queueing. */
export const LIVE_EDIT_INTERVAL_MS = 1000;

/** A streamed answer's live view: where the core's verified text goes while the answer is written. */
export interface LiveAnswer {
  /** For `AskRequest.onVerifiedText`: the verified answer so far (never unverified text). */
  readonly onVerifiedText: (text: string) => void;
  /** Shows the "writing…" state, unless some verified text is already on its way. */
  showWriting(): void;
  /**
   * Stops showing drafts and waits for an edit already under way, so the final answer, sent after this,
   * can never be overwritten by a late draft.
   */
  close(): Promise<void>;
}

/** Options of {@link createLiveAnswer}. */
export interface LiveAnswerOptions {
  /** Where a failed draft edit is logged (the final answer is still sent). */
  readonly logger: Logger;
  /** @default LIVE_EDIT_INTERVAL_MS */
  readonly intervalMs?: number;
}

/**
 * Connects the core's verified text to `show` (which edits the reply with a draft of it), at most once per
 * interval and always with the newest text. `show('')` means "writing…, nothing verified yet". A failed
 * draft is only logged: drafts are a courtesy, the final answer is what counts.
 */
export function createLiveAnswer(
  show: (text: string) => Promise<void>,
  options: LiveAnswerOptions,
): LiveAnswer {
  let started = false;
  const throttle = createLatestValueThrottle(show, {
    intervalMs: options.intervalMs ?? LIVE_EDIT_INTERVAL_MS,
    onError: (error) => options.logger.warn({ err: error }, 'could not show the answer being written'),
  });
  return {
    onVerifiedText(text) {
      started = true;
      throttle.push(text);
    },
    showWriting() {
      if (started) return;
      started = true;
      throttle.push('');
    },
    close: () => throttle.close(),
  };
}
