import { isStopword } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';
import { CASUAL_FILLERS, CHIT_CHAT_WORDS } from './casual-words.js';

/**
 * What a message is, before any retrieval:
 * - `question`: something to answer from the sheets;
 * - `overview`: asks what a sheet (or the sheets on a topic) says as a whole;
 * - `chit-chat`: conversation ("thanks!", "hi", "help");
 * - `unclear`: no readable question (keyboard mash, templates, injection strings, escape sequences).
 */
export type Intent = 'question' | 'overview' | 'chit-chat' | 'unclear';

/**
 * Strings people paste to test or attack a bot: template placeholders, prompt injections, SQL, script
 * tags, escape sequences typed literally. None of them is a question about the alliance.
 */
const HOSTILE_PATTERNS: readonly RegExp[] = [
  /\{\{[^}]*\}\}|\$\{[^}]*\}|\{%[^%]*%\}/,
  /\b(ignore|disregard|forget)\b[^.?!]{0,40}\b(instructions?|prompts?|rules|context)\b/i,
  /\bsystem\s+prompt\b|\bjailbreak\b|\bDAN mode\b/i,
  /\b(drop|truncate|delete\s+from|insert\s+into|select\s+\*)\b[^?]{0,20}\b(table|from|values)?\b.*(;|--)/i,
  /<\s*\/?\s*(script|img|iframe|svg)\b/i,
  /^(?:\s*\\[ntr0])+\s*$|(?:\\[ntr]){2,}/,
  // Role markers and fake context ends ("</context> SYSTEM: …", "### Assistant:"), and asks for secrets.
  /<\s*\/?\s*(context|system|prompt|instructions?|assistant|user)\s*>|(?:^|\s|#)(system|assistant|developer)\s*:|\[\/?(?:INST|SYS)\]/i,
  /\b(reveal|show|print|leak|dump|tell\s+me|give\s+me)\b[^.?!]{0,30}(?:\b(api[\s_-]?keys?|tokens?|passwords?|secrets?|credentials|env(?:ironment)?\s+variables)\b|\.env\b)/i,
  // Path traversal and shell probes: "../../etc/passwd", "; cat /etc/shadow", "$(whoami)".
  /(?:\.\.[\\/]){2,}|\/etc\/(?:passwd|shadow|hosts)\b|\$\([^)]*\)|`[^`]*\b(?:rm|cat|curl|wget|whoami)\b[^`]*`/i,
];

/**
 * The message without the parts that attack or test the bot: script elements, and sentences that match
 * a hostile pattern ("Ignore previous instructions. What does Reiwa mean?" → "What does Reiwa mean?"). A
 * real question beside them is still answered; a message of nothing else becomes empty.
 */
export function withoutHostileParts(text: string): string {
  const untagged = text.replace(/<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/giu, ' ');
  const sentences = untagged.match(/[^.?!;\n]+[.?!;\n]*/gu) ?? [];
  return sentences
    .filter((sentence) => !HOSTILE_PATTERNS.some((pattern) => pattern.test(sentence)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that ask for a whole sheet or topic in brief ("what's in the sheets about security?" too). */
const OVERVIEW_WORDS =
  /\b(summar(?:y|ise|ize|ies)|overview|overall|in general|big picture|tl;?\s?dr|gist|rundown|recap|highlights|main points|key points|in a nutshell|break\s*down)\b|\bwhat(?:'?s| is)\s+in\s+the\s+(?:fact\s*)?sheets?\s+(?:about|on)\b|\beverything\s+(?:the\s+)?(?:fact\s*)?sheets?\s+say\b/i;
/** "What's in the 2019 sheet", "what does the 2018 one say" with nothing else asked. */
const WHATS_IN_A_SHEET =
  /\bwhat(?:'?s| is| does| did| do)?\s+(?:in\s+)?(?:the\s+)?(?:\w+\s+)?(?:fact\s*)?(?:sheets?|one|document)\b/i;

const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface IntentOptions {
  /** True when a word is English or the sheets' (so a message of only unknown words is mash). */
  readonly isKnownWord: (token: string) => boolean;
  /** True when the sheets use the word: a message naming something from them is never small talk. */
  readonly isSheetWord?: (token: string) => boolean;
  /**
   * The message leans on an earlier turn ("and what did the 2019 sheet say about it?"): then "what did
   * the sheet say" asks about the conversation's topic, not for an overview. @default false
   */
  readonly leansOnConversation?: boolean;
}

/**
 * Reads what kind of message this is. Topic words are what remains after stopwords, casual fillers and
 * meta words; `topicTerms` is their count, as computed by the caller (it knows the meta words).
 */
export function classifyIntent(text: string, topicTerms: number, options: IntentOptions): Intent {
  if (HOSTILE_PATTERNS.some((pattern) => pattern.test(text))) return 'unclear';
  const tokens = tokenize(text);
  if (tokens.length > 0 && isChitChat(tokens, options)) return 'chit-chat';
  // Keyboard mash: letters, but not one word of English or of the sheets, not even a little one.
  const mash = tokens.every(
    (token) =>
      !isStopword(token) &&
      !CASUAL_FILLERS.has(token) &&
      !/\p{N}/u.test(token) &&
      // A Japanese term the glossary could not translate is a topic the sheets lack, not mash.
      !JAPANESE_SCRIPT.test(token) &&
      !options.isKnownWord(token),
  );
  if (tokens.length > 0 && (mash || mostlyMash(tokens, options))) return 'unclear';
  if (OVERVIEW_WORDS.test(text)) return 'overview';
  if (topicTerms === 0 && options.leansOnConversation !== true && WHATS_IN_A_SHEET.test(text))
    return 'overview';
  return 'question';
}

/**
 * Mash with a real word in it ("jjjjj kkk spoiler", "asdf qwerty test"): at least half the words are one
 * letter held down or a run along the keyboard, nothing is asked, and no word is the sheets'.
 */
function mostlyMash(tokens: readonly string[], options: IntentOptions): boolean {
  if (tokens.some((token) => ASKING.has(token) || options.isSheetWord?.(token) === true)) return false;
  const mashed = tokens.filter(isKeyboardMash).length;
  return mashed > 0 && mashed * 2 >= tokens.length;
}

/** One letter held down ("jjjj", "kkk") or a run along a keyboard row ("asdf", "qwerty", "hjkl"). */
function isKeyboardMash(token: string): boolean {
  if (/^(\p{L})\1{2,}$/u.test(token)) return true;
  return token.length >= 4 && KEYBOARD_ROWS.some((row) => row.includes(token));
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'poiuytrewq', 'lkjhgfdsa', 'mnbvcxz'];

/**
 * Conversation: chat words ("thanks", "gm", "ok cool"), and at most as many other words, none of them a
 * word the sheets use, and none at all when the message asks something ("gm everyone", "ok cool ty
 * finally", "who are you?").
 */
function isChitChat(tokens: readonly string[], options: IntentOptions): boolean {
  const asking = tokens.some((token) => ASKING.has(token));
  let chatty = 0;
  let other = 0;
  for (const token of tokens) {
    if (CHIT_CHAT_WORDS.has(token)) chatty++;
    else if (isStopword(token) || CASUAL_FILLERS.has(token)) continue;
    else if (options.isSheetWord?.(token) === true) return false;
    else other++;
  }
  // "who are you?" is small talk; "hi, tell me about Okinawa" asks about something.
  return chatty > 0 && other <= chatty && !(asking && other > 0);
}

/** What a bit of small talk is: thanks, a request for help, or anything else (a greeting, "test", "ok"). */
export type SmallTalk = 'thanks' | 'help' | 'greeting';

/**
 * Which kind of small talk a message is, so the reply fits it ("thanks!" gets "you're welcome", not
 * "hello"). English and Japanese chat words; anything else is a greeting.
 */
export function smallTalkKind(text: string): SmallTalk {
  if (
    /\b(thanks?|thx|ty|tysm|cheers|appreciated?|gotcha|noted|understood)\b|ありがと|サンキュー|感謝|助か/iu.test(
      text,
    )
  )
    return 'thanks';
  if (/\b(help|commands?|how\s+does\s+this\s+work|what\s+can\s+you\s+do)\b|ヘルプ|使い方|助けて/iu.test(text))
    return 'help';
  return 'greeting';
}

/** Words that make a message a question, whatever chat words surround it. */
const ASKING = new Set([
  'what',
  'whats',
  'who',
  'whos',
  'when',
  'where',
  'why',
  'how',
  'which',
  'tell',
  'explain',
  'describe',
  'list',
  'give',
]);
