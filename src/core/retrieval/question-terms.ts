import { CASUAL_FILLERS } from '../pipeline/casual-words.js';
import { isContentToken } from '../text/content-terms.js';
import { stem } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { MONTH_NAMES } from '../text/month-names.js';

/** A content term of a question, remembering where it came from so a refusal can name it. */
export interface QuestionTerm {
  /** The word as typed, e.g. "Trans-Pacific". */
  readonly word: string;
  /** Index of the word among the question's words. */
  readonly wordIndex: number;
  readonly token: string;
  readonly stem: string;
  readonly numeric: boolean;
  /**
   * A number offered as a guess ("like 850k?", "about 400bn", "~30") or an ordinal used as a name ("the
   * 45th president"): not a fact the sheets must hold, so never decisive on its own.
   */
  readonly approximate?: boolean;

  /** Typed with a capital letter somewhere other than the start of a sentence: likely a name. */
  readonly properNoun: boolean;
}

export interface QuestionWords {
  readonly words: readonly string[];
  readonly terms: readonly QuestionTerm[];
}

/**
 * Words about the fact sheets themselves rather than their topic ("what does the fact sheet say…"):
 * never a reason to refuse, never worth matching.
 */
export const META_TOKENS: ReadonlySet<string> = new Set([
  'fact',
  'facts',
  'sheet',
  'sheets',
  'factsheet',
  'factsheets',
  'document',
  'documents',
  'doc',
  'docs',
  'pdf',
  'pdfs',
  'white',
  'house',
  'kizuna',
  'bot',
  'according',
  'statement',
  'statements',
  'source',
  'sources',
  'cite',
  'quote',
  'quotes',
  'quotation',
  'quotations',
  'text',
  'write',
  'wrote',
  'written',
  'state',
  'states',
  'stated',
  'talk',
  'talks',
  'talked',
  'discuss',
  'discussed',
  'claim',
  'claims',
  'info',
  'information',
  'detail',
  'details',
  'summary',
  'summarize',
  'summarise',
  'overview',
  'overall',
  'general',
  'main',
  'point',
  'points',
  'mean',
  'means',
  'meaning',
  // "what does it mean in English?", "what's the translation?": about the wording, not the topic.
  'english',
  // "what adjectives did he use?", "the exact wording": the form of the answer, not its topic.
  'adjective',
  'adjectives',
  'wording',
  'phrasing',
  'verbatim',
  'translation',
  'translate',
  'translated',
  'called',
  'name',
  'named',
  'word',
  'words',
  'wording',
  'exact',
  'exactly',
  'verbatim',
  'phrase',
  'line',
  'lines',
  'opening',
  'top',
  'section',
  'sections',
  // "what are the main topics / themes / takeaways?": the shape of an overview, not its subject.
  'topic',
  'topics',
  'theme',
  'themes',
  'takeaway',
  'takeaways',
  // "quick version", "short version", "tl;dr version": the form of the reply, or a sheet ("the 2019 version").
  'version',
  'versions',
  // "the 2018 one", "the newer one": a pointer at a sheet.
  'one',
  'ones',
  'paragraph',
  'bullet',
  'bullets',
  'pts',
  // "what is his message for Japan?": what he said.
  'message',
  'messages',
  // About the asking, not the topic: "I forgot, what was…", "remind me", "what do the sheets cover re X".
  'forgot',
  'forget',
  'forgotten',
  'remember',
  'remind',
  'recall',
  'mention',
  'mentions',
  'mentioned',
  'cover',
  'covers',
  // The standing a "where does Japan rank…" question asks for: answered by "third largest", never the word.
  'rank',
  'ranks',
  'ranked',
  'ranking',
  'rankings',
  'compare',
  'compared',
  'comparison',
  'versus',
  // Prefixes left behind when "anti-missile" or "non-nuclear" is split into words.
  'anti',
  'non',
  'pre',
  'post',
  'co',
  'multi',
  'semi',
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/**
 * Splits a question into words and the content terms they carry, dropping stopwords, meta words and
 * casual fillers ("yo", "lol", "pls"): none of them is ever a topic.
 */
export function questionWords(
  question: string,
  options: {
    /**
     * True for an everyday English word. A capitalised first word that is not one ("Okinawa bases?") is
     * still a name; without this, a sentence's first word never is.
     */
    readonly isEverydayWord?: (token: string) => boolean;
  } = {},
): QuestionWords {
  const words = question.match(WORD) ?? [];
  // A question typed in capitals says nothing about which words are names.
  const shouting = !/\p{Ll}/u.test(question);
  const terms: QuestionTerm[] = [];
  words.forEach((word, wordIndex) => {
    const sentenceStart = wordIndex === 0 || /[.!?]\s*$/.test(precedingText(question, words, wordIndex));
    const capitalized = !shouting && /^\p{Lu}/u.test(word);
    // In a message typed in capitals an acronym cannot be told apart, except when the message is the
    // acronym itself ("NATO?", "TPP"): one or two words are a name asked about, not a shouted question.
    const acronym = (!shouting || words.length <= 2) && /^\p{Lu}{2,}$/u.test(word.replace(/[^\p{L}]/gu, ''));
    // "Japan-owned": a part of a hyphenated word is a name only if it is capitalised itself.
    const parts = word.split(/[-\u2010-\u2015]/u);
    const lowerPart = (token: string) =>
      parts.length > 1 && parts.some((part) => part === token && part !== part.toUpperCase());
    for (const token of tokenize(word)) {
      if (!isContentToken(token) || META_TOKENS.has(token) || CASUAL_FILLERS.has(token)) continue;
      terms.push({
        word,
        wordIndex,
        token,
        stem: stem(token),
        numeric: /^\p{N}/u.test(token),
        ...(isApproximate(question, words, wordIndex) ? { approximate: true } : {}),
        properNoun:
          !lowerPart(token) &&
          (acronym ||
            (capitalized &&
              (!sentenceStart || (options.isEverydayWord !== undefined && !options.isEverydayWord(token))))),
      });
    }
  });
  return { words, terms };
}

/** Words before a number that make it a guess: "like 850k?", "about 30", "roughly $400bn". */
const HEDGES = new Set([
  'like',
  'about',
  'around',
  'roughly',
  'approximately',
  'approx',
  'maybe',
  'nearly',
  'almost',
  'over',
  'under',
  '~',
  // Hearsay and belief: "heard 400bn+", "i think 30", "supposedly 850k".
  'heard',
  'think',
  'thought',
  'guess',
  'believe',
  'recall',
  'remember',
  'supposedly',
  'reportedly',
  'apparently',
  'least',
  'than',
]);

/**
 * A yes-or-no question puts its numbers up for checking ("is it true they support 900k jobs?", "did they
 * have 50 meetings?", "4,000 or 40,000 jobs?"): the answer is the sheets' number, so the asker's is a
 * guess, never a subject the sheets must contain. Years are not: "did Trump visit Japan in 2020?" names
 * a time the sheets may not cover.
 */
const CHECKS_A_CLAIM =
  /^\W*(?:is|are|was|were|did|do|does|has|have|had|can|could|will|would|isn['’]?t|aren['’]?t|wasn['’]?t|weren['’]?t|didn['’]?t|doesn['’]?t|don['’]?t|hasn['’]?t|haven['’]?t)\b|\b(?:is\s+it\s+true|true\s+that|right\s*\?|correct\s*\?|or\s+(?:is\s+it\s+|was\s+it\s+)?\$?\d)|[,;]\s*(?:is|was)\s+it\b/i;

/** Two words before a number that make it a bound, not an amount: "north of $400 billion", "upwards of". */
const BOUNDS = /^(?:north|south|upwards|excess|shy|short|figure|number|tune)\s+of$/u;

function isApproximate(question: string, words: readonly string[], index: number): boolean {
  const word = words[index] ?? '';
  // Judged on the number's own sentence: "ok so how many then? did japan buy 100 f-35s?" (a follow-up
  // read with the question before it) still offers 100 for checking.
  if (
    /^\$?\d/.test(word) &&
    !/^(?:1[89]|20)\d\d$/.test(word) &&
    CHECKS_A_CLAIM.test(sentenceOf(question, word))
  )
    return true;
  if (/^\d+(st|nd|rd|th)$/i.test(word) || /-?ish$/i.test(word)) return true;
  if ([words[index + 1], words[index + 2]].some((next) => /^-?ish\b|-ish$/i.test(next ?? ''))) return true;
  const before = (words[index - 1] ?? '').toLowerCase();
  if (followsMonth(words, index)) return true;
  // "…could it employ? 4k? 5k?": a number typed on its own as one more question is a guess put forward.
  if (/[?]\s*[~$]?\d/u.test(question) && standsAsGuess(question, word)) return true;
  const twoBefore = `${(words[index - 2] ?? '').toLowerCase()} ${before}`;
  return (
    HEDGES.has(before) ||
    BOUNDS.test(twoBefore) ||
    // "~850k", "850k+": only built when the question has a tilde or a plus at all (this runs per word).
    (/[~+]/.test(question) &&
      new RegExp(`~\\s*\\$?${escapeRegExp(word)}|${escapeRegExp(word)}[\\p{L}]*\\s*\\+`, 'u').test(question))
  );
}

/** The sentence of `text` (split after "?" and "!") in which `word` first appears; the whole text if none. */
function sentenceOf(text: string, word: string): string {
  if (!/[?!]\s+\S/u.test(text)) return text;
  return text.split(/(?<=[?!])\s+/u).find((sentence) => sentence.includes(word)) ?? text;
}

/** The number alone between question marks (or opening the message): "employ? 4k? 5k?". */
function standsAsGuess(question: string, word: string): boolean {
  return new RegExp(`(?:^|[?!]\\s*)[~$]?${escapeRegExp(word)}[\\p{L}+]*\\s*\\?`, 'u').test(question);
}

/**
 * "in sept 17": a day, or a year written short, after a month; either way a date told loosely, not a
 * number asked about or offered as an amount.
 */
export function followsMonth(words: readonly string[], index: number): boolean {
  return /^\d{1,2}$/.test(words[index] ?? '') && MONTH_WORD.test((words[index - 1] ?? '').toLowerCase());
}

const MONTH_WORD = new RegExp(`^(?:${MONTH_NAMES})\\.?$`, 'u');

/** True for meta words like "fact sheet" that say where to look, not what to look for. */
export function isMetaToken(token: string): boolean {
  return META_TOKENS.has(token);
}

// Only used to spot sentence starts; an approximate position is enough.
function precedingText(question: string, words: readonly string[], index: number): string {
  let position = 0;
  for (let i = 0; i < index; i++) {
    const at = question.indexOf(words[i] ?? '', position);
    if (at >= 0) position = at + (words[i]?.length ?? 0);
  }
  const next = question.indexOf(words[index] ?? '', position);
  return question.slice(Math.max(0, position - 1), next >= 0 ? next : position);
}
