import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { groundReply, type GroundingResult, type GroundReplyOptions } from './ground-reply.js';
import { splitReply } from './split-claims.js';

/** Grounds a reply while it streams in, so only verified sentences are ever shown. */
export interface GroundedStream {
  /**
   * Adds streamed text. Returns the verified text so far (kept sentences joined, markers intact) when a
   * newly completed sentence added to it, otherwise undefined. Nothing is returned until at least one
   * claim has passed (a lone "In short:" is not worth showing).
   */
  push(delta: string): string | undefined;
  /** Grounds the whole reply (including the last sentence, which `push` cannot know is complete). */
  finish(): GroundingResult;
}

/**
 * A {@link GroundedStream} over `passages`. A sentence counts as complete once the next one has begun
 * (its end punctuation and any markers after it are followed by the start of another sentence), and is
 * checked exactly as {@link groundReply} checks it: sentences are judged independently, so the streamed
 * verdicts and the final one agree.
 *
 * @param prepare applied to the whole text before each check (e.g. neutralising Discord syntax).
 */
export function createGroundedStream(
  passages: readonly RetrievedPassage[],
  options: GroundReplyOptions = {},
  prepare: (text: string) => string = (text) => text,
): GroundedStream {
  let buffer = '';
  let checked = 0;
  const kept: string[] = [];
  let answers = false;

  return {
    push(delta) {
      buffer += delta;
      const sentences = splitReply(prepare(buffer));
      const complete = sentences.slice(0, -1);
      let grew = false;
      for (; checked < complete.length; checked += 1) {
        const result = groundReply(complete[checked]?.text ?? '', passages, options);
        if (result.text === '') continue;
        kept.push(result.text);
        answers ||= result.answers;
        grew = true;
      }
      return grew && answers ? kept.join(' ') : undefined;
    },
    finish: () => groundReply(prepare(buffer), passages, options),
  };
}
