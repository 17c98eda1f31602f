const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes text safe to echo back: `@everyone`, `@here` and role mentions can no longer render as mentions,
 * even visually. (Pings are already impossible: every payload carries {@link noMentions}.)
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/giu, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<@&(\d+)>/gu, `<@${ZERO_WIDTH_SPACE}&$1>`);
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
