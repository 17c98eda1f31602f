import { parse } from 'discord-markdown-parser';

/** A node of discord-markdown-parser's syntax tree (its own type is not exported by name). */
type MarkupNode = ReturnType<typeof parse>[number];

/**
 * Node types that are Discord markup, never words of the question: pings, emoji, timestamps, command
 * mentions, Server Guide links (`<id:customize>`) and bare URLs. A question that starts by mentioning the
 * bot's managed role is a question to the bot, exactly like one that mentions its user.
 */
const DROPPED = new Set([
  'user',
  'role',
  'channel',
  'everyone',
  'here',
  'emoji',
  'twemoji',
  'timestamp',
  'slashCommand',
  'guildNavigation',
  'url',
  'autolink',
]);

/** Node types that stand on their own line, so their words do not run into the next ones. */
/** Inline code and code blocks. */
const CODE = new Set(['inlineCode', 'codeBlock']);
/** Code rather than words: a shell command, or the punctuation of code (paths, calls, assignments). */
const LOOKS_LIKE_CODE =
  /[/\\={}()$<>|&]|^\s*(?:rm|sudo|cat|ls|cd|curl|wget|npm|npx|node|git|echo|chmod|kill|python|pip|docker)\b/u;
const BLOCKS = new Set(['codeBlock', 'blockQuote', 'heading', 'subtext', 'br', 'newline', 'paragraph']);

/**
 * What is left of mention syntax the parser does not take for a mention, because the id is not a real
 * 17–20 digit snowflake (`<@!123>`) or was escaped (`\<@123456789012345678>` renders as `<@…>`).
 * Removed all the same, so that the plain text is always safe to echo.
 */
const LEFTOVER_MENTION = /<(?:@[!&]?|#|\/[^<>:\n]{1,100}:|a?:\w{1,32}:|t:-?)\d+(?::[tTdDfFR])?>/g;

/**
 * Turns a Discord message into the plain text its reader sees, keeping only the words.
 *
 * - Removed: user, role and channel mentions (`<@id>`, `<@!id>`, `<@&id>`, `<#id>`), `@everyone`,
 *   `@here`, custom and animated emoji (`<:name:id>`, `<a:name:id>`), Unicode emoji, timestamps
 *   (`<t:1700000000:R>`), slash-command mentions (`</ask:id>`) and bare URLs (`https://…`, `<https://…>`).
 * - Kept as their words: spoilers (`||x||`), bold, italics, underline and strike-through, headings (`#`,
 *   `-#`), block quotes (`> `, `>>> `), inline code and code blocks holding words (code itself, such as
 *   `` `rm -rf /` ``, is removed), and Markdown links (`[text](url)` → `text`); escaped characters lose
 *   their backslash (`\*` → `*`).
 * - Whitespace is collapsed to single spaces and trimmed.
 *
 * Parsing is discord-markdown-parser's (the rules Discord's own client follows), so `4*5*6` reads as
 * Discord shows it; this function only decides what each kind of node contributes.
 */
export function stripDiscordMarkup(text: string): string {
  const plain = nodesToText(parse(text, 'extended'));
  return plain.replace(LEFTOVER_MENTION, ' ').replace(/\s+/g, ' ').trim();
}

function nodesToText(nodes: readonly MarkupNode[]): string {
  let out = '';
  for (const node of nodes) out += nodeToText(node);
  return out;
}

function nodeToText(node: MarkupNode): string {
  if (DROPPED.has(node.type)) return ' ';
  const content: unknown = node['content'];
  // "`rm -rf /` what does reiwa mean": code pasted beside a question is not part of it; a word set in
  // code ("what does `Reiwa` mean?") still is.
  if (CODE.has(node.type) && typeof content === 'string' && LOOKS_LIKE_CODE.test(content)) return ' ';
  const inner =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? nodesToText(content as MarkupNode[])
        : '';
  // Block-level nodes end a line; inline ones (text, spoiler, strong, em, link, inlineCode…) do not,
  // so that "**F**-35" stays one word.
  return BLOCKS.has(node.type) ? `\n${inner}\n` : inner;
}
