const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Discord markup that renders as something other than its text: user, member, role and channel mentions,
 * slash-command mentions and custom emoji. A zero-width space after the `<` keeps the text readable but
 * inert. Timestamps (`<t:…>`) are left alone: Kizuna writes those itself, on purpose.
 */
const RENDERED_MARKUP = /<(?=@[!&]?\d+>|#\d+>|\/[^\s:>]+:\d+>|a?:\w+:\d+>)/gu;

/**
 * Makes text safe to echo back: `@everyone`, `@here`, user, role and channel mentions (and custom emoji)
 * can no longer render as such, even visually. (Pings are already impossible: every payload carries
 * {@link noMentions}; this is about a question's markup never appearing as a live mention in the reply.)
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/giu, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(RENDERED_MARKUP, `<${ZERO_WIDTH_SPACE}`);
}

/** `allowedMentions` that stops a message from pinging anyone, whatever its text says. */
export interface NoMentions {
  readonly parse: [];
  readonly repliedUser: false;
}

/** A fresh {@link NoMentions} for one payload. */
export function noMentions(): NoMentions {
  return { parse: [], repliedUser: false };
}
