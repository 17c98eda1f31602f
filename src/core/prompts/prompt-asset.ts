import type { BaseMessage } from '@langchain/core/messages';

/** One validated prompt file, ready to render into chat messages. */
export interface PromptAsset {
  /** From front matter, e.g. "answer". */
  readonly name: string;
  readonly description: string;
  /** Path of the file it was read from (for messages). */
  readonly file: string;
  /** The placeholders the template uses; `render` needs a value for each. */
  readonly variables: readonly string[];
  /**
   * Fills the placeholders and returns the chat messages. Values are substituted as data and never
   * re-parsed, so braces inside passage text are safe.
   */
  render(values: Readonly<Record<string, string>>): Promise<BaseMessage[]>;
}

/** Every prompt Kizuna uses, loaded and validated at start-up by `loadPrompts`. */
export interface Prompts {
  /** Answers from numbered passages (`prompts/answer.md`). */
  readonly answer: PromptAsset;
  /** Rewrites a follow-up into a standalone question (`prompts/condense-question.md`). */
  readonly condenseQuestion: PromptAsset;
}
