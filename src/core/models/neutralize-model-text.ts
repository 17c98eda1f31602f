/**
 * Model text is untrusted input as far as Discord is concerned: a reply could ping a whole server or
 * smuggle a link behind innocent words. `allowed_mentions` already stops pings from Kizuna's messages, but
 * the text itself is also shown in the CLI, logged, and may be copied elsewhere, so it is made harmless
 * here, before anything else sees it.
 */

/** Longest answer text, in characters, that an LLM answer may have (Discord allows 2,000 per message, and
 * the sources section needs room). */
export const MAX_MODEL_ANSWER_LENGTH = 1_500;

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Neutralises Discord syntax in model text:
 * - `@everyone` / `@here` → `@\u200Beveryone` / `@\u200Bhere` (shown the same, pings no one);
 * - `<@id>`, `<@!id>` → `@user`; `<@&id>` → `@role`; `<#id>` → `#channel`; `</name:id>` → `/name`;
 * - masked links `[text](url)` → `text` (the address is dropped: it comes from no passage);
 * - invite links (discord.gg/…, discord.com/invite/…) → `[invite link removed]`.
 */
export function neutralizeDiscordSyntax(text: string): string {
  return (
    text
      // The label may hold brackets itself ("[[1]](url)" shows a marker that is really a link).
      .replace(/\[((?:[^[\]\n]|\[[^\]\n]*\])*)\]\(\s*<?[^)\s]*>?(?:\s+"[^"]*")?\s*\)/g, '$1')
      .replace(
        /(?:https?:\/\/)?(?:www\.)?(?:discord(?:app)?\.com\/invite|discord\.gg|dsc\.gg)\/[\w-]+/gi,
        '[invite link removed]',
      )
      .replace(/<@!?\d+>/g, '@user')
      .replace(/<@&\d+>/g, '@role')
      .replace(/<#\d+>/g, '#channel')
      .replace(/<\/([\w -]+):\d+>/g, '/$1')
      .replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
  );
}

/**
 * Cuts text to at most `maxLength` characters, at the end of the last whole sentence that fits (or the
 * last space, with "…", when even the first sentence is too long).
 */
export function capLength(text: string, maxLength: number = MAX_MODEL_ANSWER_LENGTH): string {
  if (text.length <= maxLength) return text;
  const head = text.slice(0, maxLength);
  const sentenceEnd = /[.!?]["”’)]?(?:\s*\[\d+\])*(?=\s)/g;
  let cut = -1;
  for (let match = sentenceEnd.exec(head); match !== null; match = sentenceEnd.exec(head)) {
    cut = match.index + match[0].length;
  }
  if (cut > 0) return head.slice(0, cut).trim();
  const space = head.lastIndexOf(' ', maxLength - 1);
  return `${head.slice(0, space > 0 ? space : maxLength - 1).trimEnd()}…`;
}
