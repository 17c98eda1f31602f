import { isVerbInflection } from '../text/word-senses.js';
import { followsMonth, questionWords, type QuestionWords } from '../retrieval/question-terms.js';
import {
  assessCoverage,
  nearestMeaningsOf,
  type CoverageOptions,
  type CoverageWordTable,
  type TermCoverage,
} from '../retrieval/term-coverage.js';
import { unit, type CorpusVocabulary } from '../retrieval/corpus-vocabulary.js';
import { lemmasOf } from '../text/lemma.js';
import { stem } from '../text/stem.js';
import { MONTH_NAMES } from '../text/month-names.js';
import type { ConversationTurn, KnowledgeDocument } from '../types.js';
import { asksForMore, isFollowUp, isRepeated, leansOnConversation, standaloneQuestion } from './follow-up.js';
import { asksForOverview, classifyIntent, withoutHostileParts, type Intent } from './intent.js';
import { askerClauseWords } from './asker-clauses.js';
import {
  askedFor,
  documentYears,
  isCrossSheetQuestion,
  sheetDateWords,
  documentMonths,
  sheetOrderWords,
  targetDocuments,
  type AskedFor,
} from './question-shape.js';

const MONTH_WORD = new RegExp(`^(?:${MONTH_NAMES})$`, 'u');

/** Everything the later stages need to know about what was asked, read once. */
export interface Reading {
  /** The question as normalised (markup gone, Unicode plain): what the person meant. */
  readonly question: string;
  /**
   * The words as typed, before aliases were read ("the toyota mazda plant", not "the Alabama manufacturing
   * plant"): what the person already said, which an answer must go beyond. Set by the caller; defaults to
   * `question`.
   */
  readonly typed?: string;
  readonly intent: Intent;
  /** Earlier turns of the conversation (oldest first), already trimmed to the ones that count. */
  readonly history: readonly ConversationTurn[];
  /** True when the question leans on the conversation; `standalone` then carries the earlier topic. */
  readonly followUp: boolean;
  /** What retrieval searches for: the question, plus the previous question for a follow-up. */
  readonly standalone: string;
  /** The question's words and content terms (for a follow-up, those of `standalone`). */
  readonly words: QuestionWords;
  /** For each content term: do the sheets use it, exactly, misspelt or in other words (corpus-wide)? */
  readonly coverage: readonly TermCoverage[];
  /** Documents the question points at ("the 2019 sheet"), if any. */
  readonly documentIds?: readonly string[];
  /** The person wants each sheet heard ("both sheets", "how did … change"). */
  readonly crossSheet: boolean;
  /** The kind of fact asked for ("how many" → quantity), if any. */
  readonly asks?: AskedFor;
  /** "Tell me more", "any other…": prefer what the last answer did not say. */
  readonly wantsMore: boolean;
  /**
   * The question names a topic the sheets use, beyond pointing at a sheet ("the 2019 sheet" is a
   * pointer; "security in the 2019 sheet" has a topic).
   */
  readonly hasTopic: boolean;
  /** Numbers the question states as facts (not a sheet's year, not a guess), as tokens: "2017". */
  readonly statedNumbers: readonly string[];
  /**
   * The sheets' words the question's words stand for, searched with it: typo corrections, paraphrases,
   * and for words the sheets never use their nearest sheet words in meaning ("lunar" → "moon").
   * Retrieval, not the word-by-word check, carries paraphrase; the judge never lets these vouch for the
   * words they were found for.
   */
  readonly expansions: readonly string[];
  /** For each question token the sheets never use: the sheet words it was expanded with. */
  readonly expansionsOf: ReadonlyMap<string, readonly string[]>;
  /**
   * Of those, the sheets' names: a category word meeting an instance the sheets name ("carmakers" →
   * Toyota, "lunar" → Moon, "astronauts" → NASA).
   */
  readonly namesFor: ReadonlyMap<string, readonly string[]>;
  /**
   * Question tokens read as a sheet word only loosely: paraphrases of the commonest English words ("keep" →
   * "want"), neither searched with nor aligned by that sheet word.
   */
  readonly looseParaphrases?: ReadonlySet<string>;
}

export interface InterpretContext {
  readonly documents: readonly KnowledgeDocument[];
  readonly vocabulary: CorpusVocabulary;
  readonly wordVectors?: CoverageWordTable;
  readonly coverage?: Partial<CoverageOptions>;
  /**
   * Cosine above which a sheet word close in meaning to a question word the sheets never use is searched
   * too; chosen on the tuning question sets (0.6 finds "kidnapped" → "abducted", "lunar" → "moon"). @default 0.6
   */
  readonly expansionSimilarity?: number;
}

/** Words at least this common in English (the word table's rank) are not searched by their paraphrase. */
const LOOSE_PARAPHRASE_RANK = 1_000;

/** Words more frequent than this rank in English (the word table's order) are everyday words, not names. */
export const EVERYDAY_WORD_RANK = 5_000;

/**
 * Stage 2 of answering: reads intent (question, overview, chit-chat, unclear), whether it is a follow-up,
 * which sheets it targets and what kind of fact it wants. No retrieval happens here.
 */
export function interpret(
  asked: string,
  history: readonly ConversationTurn[],
  context: InterpretContext,
): Reading {
  // A question beside an injection attempt is answered without it; an attempt alone stays as typed and
  // is read as unclear.
  const question = withoutHostileParts(asked) || asked;
  const table = context.wordVectors;
  // Names stand first in many questions ("Okinawa bases?"), and in every translated Japanese one.
  const wordOptions = {
    isEverydayWord: (token: string) => {
      const rank = table?.rank(token);
      return rank !== undefined && rank <= EVERYDAY_WORD_RANK;
    },
  };
  const words = questionWords(question, wordOptions);
  const years = documentYears(context.documents);
  // "the may 2019 sheet", "per the older doc": the month or the order points at a sheet; neither is a
  // topic to look for.
  const dated = sheetDateWords(question, years, documentMonths(context.documents));
  const pointers = new Set([...sheetOrderWords(question), ...dated]);
  const asPointer = (item: TermCoverage): TermCoverage =>
    pointers.has(item.term.token) ? { term: item.term, kind: 'filler' } : item;
  const assessed = assessCoverage(words, context.vocabulary, context.wordVectors, [], context.coverage).map(
    asPointer,
  );
  // A sheet's year points at the sheet, except as a date: "in october 2018" is a time to find (the month
  // itself not dating a sheet, as in "the may 2019 sheet").
  const isDate = (item: TermCoverage) => {
    const before = (words.words[item.term.wordIndex - 1] ?? '').toLowerCase().replace(/\.$/u, '');
    return MONTH_WORD.test(before) && !pointers.has(before);
  };
  const topicalOf = (items: readonly TermCoverage[]) =>
    items.filter(
      (item) =>
        !(item.term.numeric && years.has(item.term.token) && !isDate(item)) && !pointers.has(item.term.token),
    );

  /** A word exactly as the sheets write it (not its stem). */
  const usedInSheets = (word: string) =>
    context.vocabulary.wordsByLength.get(word.length)?.includes(word) === true;
  const intent = classifyIntent(question, topicalOf(assessed).length, {
    leansOnConversation: leansOnConversation(question, history),
    // The sheets' own words, not their stems: "useful" stems to "us" (as "U.S." does), and "thanks, that
    // was useful" is not about the sheets.
    isSheetWord: (token) => [token, ...lemmasOf(token)].some(usedInSheets),
    isKnownWord: (token) =>
      usedInSheets(token) || table?.rank(token) !== undefined || table?.correct?.(token) !== undefined,
  });
  // "summarize the 2019 sheet, i don't have time to read it before the council meeting": an overview's
  // topic is what is asked for, not the asker's circumstances.
  const asker = intent === 'overview' ? askerClauseWords(question) : new Set<string>();
  const alternatives = offeredAlternatives(question, assessed, (token) =>
    context.vocabulary.names.has(token),
  );
  const coverage =
    asker.size === 0 && alternatives.size === 0
      ? assessed
      : assessed.map((item): TermCoverage =>
          asker.has(item.term.token) || alternatives.has(item.term.token)
            ? { term: item.term, kind: 'filler' }
            : item,
        );
  const topical = topicalOf(coverage);
  const ownTopicTerms = topical.filter((item) => item.kind !== 'missing' && item.kind !== 'filler').length;
  // "who took part?", "who went with him?": an everyday verb read as a sheet word ("took" → "taking") is no
  // subject of its own; the conversation's is asked about.
  const ownSubjects = topical.filter(
    (item) =>
      item.kind === 'exact' ||
      item.kind === 'typo' ||
      (item.kind === 'paraphrase' && !wordOptions.isEverydayWord(item.term.token)),
  ).length;
  const leans = intent === 'question' && isFollowUp(question, history, ownSubjects);
  // "and the older one?" after "what's the newer fact sheet about?": the same request of another sheet.
  const lastAsked = [...history].reverse().find((turn) => turn.role === 'user')?.text;
  // "and the other sheet?": the sheets the last question did not point at.
  const otherSheets =
    leans && lastAsked !== undefined && NAMES_THE_OTHER_SHEET.test(question)
      ? otherDocuments(targetDocuments(lastAsked, context.documents), context.documents)
      : undefined;
  const overviewAgain =
    leans &&
    ownSubjects === 0 &&
    lastAsked !== undefined &&
    asksForOverview(lastAsked) &&
    !ASKS_ABOUT_A_TOPIC.test(lastAsked) &&
    (targetDocuments(question, context.documents) ?? otherSheets) !== undefined;
  const followUp = leans && !overviewAgain;
  // Cheap on purpose (no coverage check): these run on earlier turns. A topic is any content word, the
  // sheets' or not ("the capital of France" is what "and Japan?" asks about); a name is one the sheets
  // write capitalised ("OPIC", "Abe").
  const namesTopic = (text: string) =>
    questionWords(text, wordOptions).terms.some((term) => !(term.numeric && years.has(term.token)));
  const namesSomething = (text: string) =>
    questionWords(text, wordOptions).terms.some(
      (term) => term.properNoun || context.vocabulary.names.has(term.token),
    );
  const standalone = followUp ? standaloneQuestion(question, history, namesTopic, namesSomething) : question;
  // Passages only: the vocabulary also counts the words of document titles and dates.
  const isYearInText = (year: string) => context.vocabulary.postings.has(year);
  // A follow-up inherits the sheet the conversation was about ("and when was that?").
  const documentIds =
    targetDocuments(question, context.documents, isYearInText) ??
    otherSheets ??
    (followUp ? targetDocuments(standalone, context.documents, isYearInText) : undefined);
  // Asking the same thing again wants what was not said yet, never the same answer twice.
  const repeated = isRepeated(question, history);
  // A guessed number ("like 70bn?") says an amount is wanted, however the question is worded.
  const guessesAmount =
    words.terms.some(
      (term) => term.numeric && term.approximate === true && !followsMonth(words.words, term.wordIndex),
    ) || GUESSED_SCALE.test(question);
  const asks = askedFor(question) ?? (guessesAmount ? 'quantity' : undefined);
  // A follow-up is judged with the conversation's topic: "did they pick up anything else?" is about the
  // subject of the question before it, and its own stray word ("pick") is one among many.
  const judged = followUp ? questionWords(standalone, wordOptions) : words;
  // The earlier question's pointers at a sheet ("the newer fact sheet") point, they are not asked about.
  const earlierPointers = followUp
    ? new Set([
        ...sheetOrderWords(standalone),
        ...sheetDateWords(standalone, years, documentMonths(context.documents)),
      ])
    : new Set<string>();
  const ownTopical = topical.filter((item) => item.kind !== 'filler');
  const namesOnlyWhatIsMissing =
    followUp &&
    ASKS_ABOUT_ANOTHER_THING.test(question) &&
    ownTopical.length > 0 &&
    ownTopical.every((item) => item.kind === 'missing' && !isVerbInflection(item.term.token));
  const judgedCoverage = followUp
    ? assessCoverage(judged, context.vocabulary, context.wordVectors, [], context.coverage)
        .map(asPointer)
        .map((item): TermCoverage =>
          earlierPointers.has(item.term.token) ? { term: item.term, kind: 'filler' } : item,
        )
    : coverage;
  return {
    question,
    intent: overviewAgain ? 'overview' : intent,
    history: followUp || repeated ? history : [],
    followUp,
    standalone,
    // "and mars?" after the Moon: a follow-up whose every own subject word the sheets never use is judged
    // on those words alone, as it would be asked on its own; the conversation's words would vouch for them.
    words: namesOnlyWhatIsMissing ? words : judged,
    coverage: namesOnlyWhatIsMissing ? coverage : judgedCoverage,
    ...(documentIds === undefined ? {} : { documentIds }),
    crossSheet: isCrossSheetQuestion(question, context.documents),
    ...(asks === undefined ? {} : { asks }),
    wantsMore: (followUp && asksForMore(question)) || repeated,
    hasTopic: ownTopicTerms > 0,
    statedNumbers: topical
      .filter((item) => item.term.numeric && item.term.approximate !== true)
      .map((item) => item.term.token),
    ...expansions(judgedCoverage, context),
  };
}

function expansions(
  coverage: readonly TermCoverage[],
  context: InterpretContext,
): Pick<Reading, 'expansions' | 'expansionsOf' | 'namesFor' | 'looseParaphrases'> {
  const looseParaphrases = new Set<string>();
  const threshold = context.expansionSimilarity ?? 0.6;
  const words: string[] = [];
  const expansionsOf = new Map<string, string[]>();
  const namesFor = new Map<string, string[]>();
  for (const item of coverage) {
    // A paraphrase of one of the commonest words ("keep" → "want", "got" → "never") is too loose to search
    // with: it brought the passage that happens to use the sheet word ("where they want to be").
    const loose =
      item.kind === 'paraphrase' &&
      (context.wordVectors?.rank(item.term.token) ?? Infinity) <= LOOSE_PARAPHRASE_RANK;
    if (loose) looseParaphrases.add(item.term.token);
    if ((item.kind === 'typo' || item.kind === 'paraphrase') && item.via !== undefined && !loose)
      words.push(item.via);
    // Other forms of the word that the sheets use: "met" is also "meet", as in "meetings".
    if (!item.term.numeric) {
      words.push(
        ...lemmasOf(item.term.token).filter(
          (lemma) => stem(lemma) !== item.term.stem && context.vocabulary.stemPassageCounts.has(stem(lemma)),
        ),
      );
    }
    if (item.kind !== 'missing' || item.term.numeric) continue;
    const vector = context.wordVectors?.vector(item.term.token);
    if (vector === undefined) continue;
    const nearest = nearestMeaningsOf(
      item.term.token,
      unit(vector),
      context.vocabulary.wordVectors,
      threshold,
      2,
    );
    expansionsOf.set(item.term.token, nearest);
    const names = nearest.filter((word) => context.vocabulary.names.has(word));
    if (names.length > 0) namesFor.set(item.term.token, names);
    words.push(...nearest);
  }
  return { expansions: words, expansionsOf, namesFor, looseParaphrases };
}

/**
 * "Was the plant in Alabama or in Tennessee?", "Toyota or Nissan?": of two words offered as alternatives,
 * one the sheets use, the other is the asker's guess to be checked, not a subject the sheets must name.
 * Lower-case tokens of the missing alternatives.
 */
function offeredAlternatives(
  question: string,
  coverage: readonly TermCoverage[],
  isSheetName: (token: string) => boolean,
): Set<string> {
  const found = new Set<string>();
  if (!/\bor\b/iu.test(question)) return found;
  const byToken = new Map(coverage.map((item) => [item.term.token, item]));
  // Names on both sides: "Alabama or Tennessee", not "golf or go to the sumo".
  const used = (token: string) => byToken.get(token)?.kind === 'exact' && isSheetName(token);
  const missingName = (token: string) => {
    const item = byToken.get(token);
    return item?.kind === 'missing' && (item.term.properNoun || item.name === true);
  };
  for (const match of question.matchAll(OFFERED_ALTERNATIVES)) {
    const [first, second] = [match[1]?.toLowerCase() ?? '', match[2]?.toLowerCase() ?? ''];
    if (used(first) && missingName(second)) found.add(second);
    if (used(second) && missingName(first)) found.add(first);
  }
  return found;
}

/** "and mars?", "what about aegis?", "anything about guam?": the same question of another thing. */
const ASKS_ABOUT_ANOTHER_THING =
  /^\W*(?:and|or|what\s+about|how\s+about|anything\s+(?:about|on|re)|any(?:thing)?\s+(?:mention\s+of|word\s+on)|is\s+there\s+anything\s+(?:about|on))\s+(?:the\s+)?\p{L}[\p{L}\p{N}-]*(?:\s+\p{L}[\p{L}\p{N}-]*)?\W*$/iu;

const OFFERED_ALTERNATIVES =
  /\b(\p{L}[\p{L}\p{N}-]*)\s*,?\s+or\s+(?:in\s+|at\s+|the\s+|was\s+it\s+|is\s+it\s+)?(\p{L}[\p{L}\p{N}-]*)\b/giu;

/**
 * "what does the 2018 sheet say about energy?": what a sheet says about something, not an overview of it,
 * so "and the 2019 one?" after it asks about energy again.
 */
const ASKS_ABOUT_A_TOPIC =
  /\b(?:say|says|said|mention|mentions|mentioned|about|on|regarding)\s+(?!it\b|that\b|this\b|(?:the\s+)?(?:sheets?|ones?|docs?)\b)[\p{L}\p{N}]/iu;

/** "like a million", "about 1 million": a guess whose digit alone is too short to be a term of its own. */
const GUESSED_SCALE =
  /\b(?:like|about|around|roughly|maybe|nearly|almost|over|under|approximately)\s+(?:a|one|\d[\d,.]*)\s+(?:hundred|thousand|million|billion|trillion)\b/iu;

/** "and the other sheet?", "what about the other one", "the other doc": the sheet not asked about last. */
const NAMES_THE_OTHER_SHEET = /\b(?:the\s+)?other\s+(?:fact\s*)?(?:sheet|one|doc|document)\b/iu;

/** The documents besides `targets`; undefined when `targets` points at none (or at every one). */
function otherDocuments(
  targets: readonly string[] | undefined,
  documents: readonly KnowledgeDocument[],
): string[] | undefined {
  if (targets === undefined) return undefined;
  const others = documents.map((document) => document.id).filter((id) => !targets.includes(id));
  return others.length === 0 ? undefined : others;
}
