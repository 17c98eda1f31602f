import type { ReplyLanguage } from '../../core/language/messages.js';
import { DiscordLimits } from './discord-limits.js';
import { fitText } from './fit-text.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/**
 * The "writing…" state of a streamed answer. Not in the core's catalogue yet, so kept here in both languages.
 * TODO(core): move into `MessageCatalogue` (e.g. `writingAnswer`), then read it from there.
 */
export const WRITING_LABEL: Readonly<Record<ReplyLanguage, string>> = {
  en: '✍️ Writing… (each sentence appears once it is checked against the fact sheets)',
  ja: '✍️ 回答を作成中…（各文はファクトシートと照合してから表示します）',
};

/** What {@link formatDraftMessage} shows. */
export interface DraftMessageOptions {
  /** The question as asked, shown as the title (as the final answer will). */
  readonly question: string;
  /** The language of the "writing…" label. */
  readonly language: ReplyLanguage;
}

/**
 * A streamed answer while it is being written: the verified text so far, without its `[n]` markers (they
 * refer to the final sources only once the answer is complete, and no sources are listed yet), under the
 * question, with a "writing…" footer. No buttons: they belong to the final answer. With no text yet, only
 * the "writing…" state.
 */
export function formatDraftMessage(verifiedText: string, options: DraftMessageOptions): OutgoingMessage {
  const text = neutralizeMentions(stripMarkers(verifiedText));
  const question = neutralizeMentions(options.question.trim());
  const label = WRITING_LABEL[options.language];
  return {
    embeds: [
      fitEmbed({
        ...(question ? { title: fitText(question, DiscordLimits.embedTitle) } : {}),
        description: text || label,
        color: EmbedColors.answer,
        ...(text ? { footer: { text: label } } : {}),
      }),
    ],
    components: [],
    allowedMentions: noMentions(),
  };
}

/** Removes `[n]` markers (and the space before them), leaving the sentences' own punctuation. */
export function stripMarkers(text: string): string {
  return text
    .replace(/\s*\[\d+\]/gu, '')
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
}
