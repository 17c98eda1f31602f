import { asksForPart, namesAmount } from '../answer/asked-fact.js';
import { isJapaneseHelpRequest } from '../language/chit-chat.js';
import { isStopword } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';
import { CASUAL_FILLERS, CHIT_CHAT_WORDS } from './casual-words.js';

/**
 * What a message is, before any retrieval:
 * - `question`: something to answer from the sheets;
 * - `overview`: asks what a sheet (or the sheets on a topic) says as a whole;
 * - `sources`: asks which documents Kizuna answers from, or when one was published;
 * - `chit-chat`: conversation ("thanks!", "hi", "help");
 * - `unclear`: no readable question (keyboard mash, templates, injection strings, escape sequences).
 */
export type Intent = 'question' | 'overview' | 'sources' | 'chit-chat' | 'unclear';

/**
 * Strings people paste to test or attack a bot: template placeholders, prompt injections, SQL, script
 * tags, escape sequences typed literally. None of them is a question about the alliance.
 */
const HOSTILE_PATTERNS: readonly RegExp[] = [
  /\{\{[^}]*\}\}|\$\{[^}]*\}|\{%[^%]*%\}|(?:%[sdnxp]){2,}/,
  /\b(ignore|disregard|forget)\b[^.?!]{0,40}\b(instructions?|prompts?|rules|context)\b/i,
  /\bsystem\s+prompt\b|\bjailbreak\b|\bDAN mode\b/i,
  /\b(drop|truncate|delete\s+from|insert\s+into|select\s+\*)\b[^?]{0,20}\b(table|from|values)?\b.*(;|--)/i,
  /<\s*\/?\s*(script|img|iframe|svg)\b/i,
  /^(?:\s*\\[ntr0])+\s*$|(?:\\[ntr]){2,}/,
  // Role markers and fake context ends ("</context> SYSTEM: …", "### Assistant:"), and asks for secrets.
  /<\s*\/?\s*(context|system|prompt|instructions?|assistant|user)\s*>|(?:^|\s|#)(system|assistant|developer)\s*:|\[\/?(?:INST|SYS)\]/i,
  /\b(reveal|show|print|leak|dump|tell\s+me|give\s+me)\b[^.?!]{0,30}(?:\b(api[\s_-]?keys?|tokens?|passwords?|secrets?|credentials|env(?:ironment)?\s+variables)\b|\.env\b)/i,
  /\b(reveal|show|print|leak|dump|repeat|tell\s+me|give\s+me)\b[^.?!]{0,20}\b(?:your|the\s+system)\s+(?:system\s+|hidden\s+|initial\s+)?(?:prompts?|instructions)\b/i,
  // Persona swaps: "you are now DAN", "pretend you are…", "act as an unfiltered…".
  /\byou\s+are\s+now\s+(?:DAN|an?\s+(?:unfiltered|uncensored|jailbroken|evil)|in\s+\w+\s+mode)\b|\bpretend\s+(?:to\s+be|you(?:'re|\s+are))\b|\bact\s+as\s+(?:an?\s+)?(?:unfiltered|uncensored|jailbroken)\b/i,
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
  // A stop inside a word ("{{user.question}}", "U.S.") does not end a sentence.
  const sentences = untagged.match(/(?:[^.?!;\n]|[.?!;](?=[^\s.?!;]))+[.?!;\n]*/gu) ?? [];
  return sentences
    .filter((sentence) => !HOSTILE_PATTERNS.some((pattern) => pattern.test(sentence)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that ask for a whole sheet or topic in brief ("what's in the sheets about security?" too). */
const OVERVIEW_WORDS =
  /\b(summar(?:y|ise|ize|ies)|overview|overall|in general|big picture|tl;?\s?dr|gist|rundown|recap|highlights|main points|key points|in a nutshell|in (?:one|a single|a) (?:line|sentence)|(?:one|a) (?:line|sentence) each|one[\s-]liner|break\s*down|(?:main|key|major|big)\s+(?:sections|topics|themes|areas|parts|takeaways)|takeaways|outline|(?:what|which)\s+(?:topics|sections|subjects|themes)|(?:the\s+)?sections\s+(?:of|in)\s+the)\b|\bwhat(?:'?s| is)\s+in\s+the\s+(?:fact\s*)?sheets?\s+(?:about|on)\b|\beverything\s+(?:the\s+)?(?:fact\s*)?sheets?\s+say\b|\bgive\s+me\s+everything\b|\b(?:sheets?|one|docs?|documents?)\s+cover(?:s|ed)?\s+(?:on|about|re|regarding)\b|\b(?:from\s+)?start\s+to\s+finish\b|\b(?:two|both|the)\s+(?:fact\s*)?(?:sheets|documents|docs)\s+(?:differ|compare)\b|\bhow\s+(?:are|is)\s+(?:the\s+)?(?:two\s+)?(?:fact\s*)?(?:sheets|documents|docs)\s+different\b|\b(?:tell|teach)\s+(?:me|us)\s+(?:about|abt)\s+(?:the\s+|these\s+|those\s+|both\s+)?(?:[\w-]+\s+){0,2}(?:fact\s*)?(?:sheets?|docs?|documents?)\W*$|\bthe\s+(?:[\p{L}-]+\s+){1,2}section\b(?![^?]*\b(?:say|says|said|mention|mentions)\s+(?:about|on)\b)/iu;
/** Whether a message asks for an overview in so many words ("summarize…", "what's the newer fact sheet about?"). */
export function asksForOverview(text: string): boolean {
  return OVERVIEW_WORDS.test(text) || WHATS_IN_A_SHEET.test(text);
}

/** "What's in the 2019 sheet", "what does the 2018 one say" with nothing else asked. */
const WHATS_IN_A_SHEET =
  /\bwhat(?:'?s| is| are| r| does| did| do)?\s+(?:in\s+)?(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?(?:fact\s*)?(?:sheets?|one|documents?|docs?)\b|\b(?:compare|contrast|differences?\s+between)\b[^?.!]*\b(?:sheets?|documents?|docs?|ones)\b/i;

/**
 * Questions about Kizuna's own documents: which ones it has, what they are about as a set, when one was
 * published ("which documents do you have?", "what sources do you use?", "when was the 2018 fact sheet
 * published?"). Answered from the knowledge's own titles and dates, never from a passage.
 */
const ASKS_FOR_SOURCES =
  /\b(?:which|what)\s+(?:documents?|docs|sources?|sheets?|fact\s*sheets?|files|data)\s+(?:do|did|does|are|can|have)\s+(?:you|u|kizuna|it|we)\b|\bwhat\s+(?:sources?|documents?|docs)\s+(?:are\s+)?(?:you|u)\s+(?:using|use|based\s+on)\b|\bwhere\s+(?:do|does)\s+(?:you|u|kizuna|the\s+bot)\s+get\s+(?:your|its|the)\s+(?:info|information|answers|facts|data)\b|\b(?:when|what\s+date)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:fact\s*sheets?|sheets?|documents?|docs?)\s+(?:published|released|issued|dated|written|put\s+out|out)\b|\bwhat\s+(?:date|day)\s+(?:is|was)\s+(?:on\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}(?:fact\s*sheets?|sheets?|documents?|docs?|(?:older|newer|first|second|earlier|later|other)\s+one)\b|\bhow\s+(?:old|recent|new|current|up[\s-]to[\s-]date)\s+(?:are|is)\s+(?:the\s+|your\s+)?(?:fact\s*sheets?|sheets?|documents?|sources?|data|info)\b|\btitles?\b[^?.!]*\b(?:fact\s*sheets?|sheets?|documents?|docs?)\b|\bwhich\s+(?:one|fact\s*sheet|sheet|doc|document)\s+(?:is|was|came\s+out)\s+(?:the\s+)?(?:older|oldest|newer|newest|more\s+recent|most\s+recent|latest|earlier|later|first)\b|\b(?:who|which\s+office|what\s+office)\s+(?:published|wrote|issued|released|put\s+out|authored|made)\s+(?:the\s+|these\s+|those\s+|this\s+|that\s+|your\s+)?(?:[\w-]+\s+){0,2}(?:fact\s*sheets?|sheets?|documents?|docs?)\b|\b(?:the\s+)?(?:date|publication\s+date|release\s+date)\s+(?:of|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:fact\s*sheets?|sheets?|documents?|docs?)\b|\b(?:fact\s*sheets?|sheets?|documents?|docs?)(?:['’]s?)?\s+(?:full\s+)?titles?\b/iu;

/** "you're wrong", "that's not right", "wrong answer": feedback on the last answer, not a question. */
const SAYS_ANSWER_WAS_WRONG =
  /^\W*(?:no+\W*|nope\W*|lol\W*)?(?:(?:you'?re|you\s+are|u\s+r|ur|that'?s|that\s+is|this\s+is|it'?s|its)\s+(?:so\s+|totally\s+|completely\s+|just\s+|all\s+)?(?:wrong|incorrect|not\s+(?:right|true|correct)|false|made\s+up|lying)|wrong(?:\s+answer)?|bad\s+(?:answer|bot)|that\s+doesn'?t\s+answer\s+(?:my|the)\s+question)\W*$/i;

/** Questions about Kizuna itself ("who made you?", "what model are you?", "what does kizuna mean?"). */
const ASKS_ABOUT_KIZUNA =
  /\bwho\s+(?:made|built|created|wrote|programmed|runs|owns)\s+(?:you|u|this(?:\s+bot)?|kizuna)\b|\bwhat\s+(?:model|llm|ai|language\s+model)\s+(?:are|is|do)\s+(?:you|u|this|kizuna)\b|\bare\s+(?:you|u)\s+(?:an?\s+)?(?:ai|bot|human|robot|chatgpt|gpt|llm|real\s+person)\b|\bwhat\s+(?:does|is)\s+(?:the\s+name\s+)?kizuna(?:\s+mean)?\b|\bwhat\s+are\s+you\b|\bwho\s+are\s+you\b/iu;

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
  // An acronym typed in capitals ("TPP", "NATO") names something, even one no dictionary knows.
  const acronyms = new Set(
    [...text.matchAll(/\b\p{Lu}{2,5}s?\b/gu)]
      .map((match) => match[0].toLowerCase())
      .filter((token) => !isKeyboardMash(token)),
  );
  const mash = tokens.every(
    (token) =>
      !isStopword(token) &&
      !acronyms.has(token) &&
      !CASUAL_FILLERS.has(token) &&
      !/\p{N}/u.test(token) &&
      // A Japanese term the glossary could not translate is a topic the sheets lack, not mash.
      !JAPANESE_SCRIPT.test(token) &&
      !options.isKnownWord(token),
  );
  if (tokens.length > 0 && (mash || mostlyMash(tokens, options))) return 'unclear';
  if (ASKS_FOR_SOURCES.test(text)) return 'sources';
  if (SAYS_ANSWER_WAS_WRONG.test(text)) return 'chit-chat';
  if (ASKS_ABOUT_KIZUNA.test(text)) return 'chit-chat';
  // "The breakdown of the $424B by industry" asks for a part of an amount, not for an overview.
  if (OVERVIEW_WORDS.test(text) && !(asksForPart(text) && namesAmount(text))) return 'overview';
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
/** A digit run or a small number word, as the tokenizer leaves "1 2 3". */
const COUNTING = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/u;

function isChitChat(tokens: readonly string[], options: IntentOptions): boolean {
  const asking = tokens.some((token) => ASKING.has(token));
  let chatty = 0;
  let other = 0;
  for (const token of tokens) {
    if (CHIT_CHAT_WORDS.has(token)) chatty++;
    // "test test 1 2": a count, not a topic, though the sheets say "two leaders".
    else if (isStopword(token) || CASUAL_FILLERS.has(token) || COUNTING.test(token)) continue;
    else if (options.isSheetWord?.(token) === true) return false;
    else other++;
  }
  // "who are you?" is small talk; "hi, tell me about Okinawa" asks about something; so does "and when did
  // it start?" in a conversation ("start" is also a bot command word).
  return chatty > 0 && other <= chatty && !(asking && (other > 0 || options.leansOnConversation === true));
}

/**
 * What a bit of small talk is: thanks, a request for help, an acknowledgement ("ok", "lol", "cool"), or
 * anything else (a greeting, "test").
 */
export type SmallTalk = 'thanks' | 'help' | 'about' | 'feedback' | 'acknowledgement' | 'greeting';

/**
 * Which kind of small talk a message is, so the reply fits it ("thanks!" gets "you're welcome", not
 * "hello"). English and Japanese chat words; anything else is a greeting.
 */
export function smallTalkKind(text: string): SmallTalk {
  if (
    /\b(thanks?|thx|ty|tysm|cheers|appreciated?|preciate|gotcha|noted|understood|nvm|nevermind|never\s+mind|figured)\b|ありがと|サンキュー|感謝|助か/iu.test(
      text,
    )
  )
    return 'thanks';
  if (ASKS_ABOUT_KIZUNA.test(text)) return 'about';
  if (SAYS_ANSWER_WAS_WRONG.test(text)) return 'feedback';
  if (
    /\b(help|commands?|how\s+does\s+this\s+work|what\s+can\s+you\s+do)\b/iu.test(text) ||
    isJapaneseHelpRequest(text)
  )
    return 'help';
  if (ACKNOWLEDGEMENT.test(text)) return 'acknowledgement';
  return 'greeting';
}

/** A message that only acknowledges ("ok", "lol", "cool cool", "got it", "了解"): no greeting is due. */
const ACKNOWLEDGEMENT =
  /^\W*(?:(?:ok(?:ay)?|k+|kk|cool|nice|neat|great|awesome|sure|alright|aight|lol|lmao|lmfao|rofl|haha+|hehe|ha|yeah|yep|yup|yes|no|nope|nah|wow|interesting|makes\s+sense|got\s+it|i\s+see|fair|fair\s+enough|bet|word)\W*)+$|^\W*(?:了解|りょ|なるほど|オッケー|OK|おけ|草|w+)\W*$/iu;

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

/**
 * "which sheet is that from?", "is that from 2018 or 2019?", "where's that from?", "source?": asks where the
 * last answer came from, not about a topic.
 */
export function asksSourceOfLastAnswer(text: string): boolean {
  return SOURCE_OF_THAT.test(text);
}

const SHEET_POINTER = String.raw`(?:the\s+)?(?:(?:19|20)\d\d|older|newer|earlier|later|first|second)(?:\s+(?:one|sheet|fact\s*sheet|doc|document))?`;
const SOURCE_OF_THAT = new RegExp(
  [
    String.raw`^\W*(?:(?:ok|okay|so|and|wait|hm+)[\s,]+)?(?:which|what)\s+(?:fact\s*)?(?:sheet|doc|document|one|year|section)\s+(?:is|was|['’]s)\s+(?:that|this|it)\s+(?:from|in)\b`,
    String.raw`^\W*(?:(?:ok|okay|so|and|wait)[\s,]+)?(?:is|was)\s+(?:that|this|it)\s+(?:from|in)\s+${SHEET_POINTER}(?:\s+or\s+${SHEET_POINTER})?\W*$`,
    String.raw`^\W*(?:where|what)(?:['’]s|\s+is|\s+does|\s+did)?\s+(?:that|this)\s+(?:come\s+from|from)\W*$`,
    String.raw`^\W*(?:source|sources)\W*$`,
    String.raw`^\W*(?:(?:ok|okay|so|and)[\s,]+)?(?:which|what)\s+(?:fact\s*)?(?:sheet|doc|document|one)\W*$`,
    String.raw`^\W*(?:(?:ok|okay|so|and)[\s,]+)?(?:which|what)\s+(?:fact\s*)?(?:sheet|doc|document|one)\s+(?:says|said|mentions|mentioned|has|had)\s+(?:that|this|it)\W*$`,
    String.raw`^\W*what(?:['’]s|\s+is)\s+(?:the\s+)?source(?:\s+(?:of|for)\s+(?:that|this))?\W*$`,
  ].join('|'),
  'iu',
);
