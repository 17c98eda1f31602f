import type { SmallTalk } from '../pipeline/intent.js';
import { ENGLISH_MESSAGES } from './messages-en.js';
import { JAPANESE_MESSAGES } from './messages-ja.js';
import type { ClaimVerdict } from '../pipeline/claim-check.js';
import type { AskedFor } from './question-intent.js';

/** The kind of fact a question asked for that the closest passage does not give. */
export type UnstatedFact = 'quantity' | 'count' | 'money' | 'when' | 'who' | 'where' | 'rank';

/** The languages Kizuna answers in. */
export type ReplyLanguage = 'en' | 'ja';

/** Field names of the admin `/status` message. */
export interface StatusLabels {
  readonly title: string;
  readonly fingerprint: string;
  readonly factSheets: string;
  readonly passages: string;
  readonly quotations: string;
  readonly embedder: string;
  readonly answerer: string;
  readonly uptime: string;
  /** "3 min 4 s (since <t:…:R>)". */
  readonly uptimeValue: (duration: string, since: string) => string;
  readonly questionsAnswered: string;
  readonly questionsRefused: string;
  readonly lastReload: string;
  readonly index: string;
  readonly indexUnknown: string;
  readonly shard: string;
  readonly shardValue: (shardIds: string, shardCount: string) => string;
  readonly reloadNone: string;
  /** `took` is "" or a duration such as "26 ms". */
  readonly reloadSucceeded: (when: string, took: string) => string;
  readonly reloadFailed: (when: string, error: string | undefined) => string;
}

/** Every user-facing string Kizuna shows, in one language. English strings are today's, word for word. */
export interface MessageCatalogue {
  readonly language: ReplyLanguage;
  /**
   * Said before the sheets' own English sentences. Empty in English (the answer is the sentences);
   * in Japanese it says the quotation that follows is the English original, worded by question type.
   */
  readonly answerLeadIn: (asks?: AskedFor) => string;
  /**
   * Said first when the question put a figure up for checking (see checkClaim): "No. The fact sheets say:"
   * when the sheets give another, "Yes." when they give the same.
   */
  readonly claimVerdict: (verdict: ClaimVerdict) => string;
  /** The honest refusal, naming up to three missing terms (see src/core/service/refusal-message.ts). */
  readonly refusal: (missing: readonly string[], documentCount: number) => string;
  /** The reply to a question with no topic, with an example. */
  readonly noTopic: () => string;
  /**
   * The reply to small talk, fitting its kind (thanks, a request for help, a greeting or "test"), saying
   * how many sheets it answers from. @default kind greeting
   */
  readonly chitChat: (documentCount: number, kind?: SmallTalk) => string;
  /** The documents Kizuna answers from, one line each with its date, from the knowledge's front matter. */
  readonly sourcesList: (
    documents: readonly {
      readonly title: string;
      readonly displayDate: string;
      readonly publisher: string;
    }[],
  ) => string;
  /** The reply to a question about a fact sheet of a year Kizuna has none of, listing those it has. */
  readonly noSheetOfYear: (
    year: string,
    documents: readonly {
      readonly title: string;
      readonly displayDate: string;
      readonly publisher: string;
    }[],
  ) => string;
  /**
   * Said before the closest passage when the sheets cover the subject but not what was asked: names what
   * they don't mention, or the kind of fact they don't give (`unstated`: a number, a time, a person, a place).
   */
  readonly closestPassage: (missing: readonly string[], unstated?: UnstatedFact) => string;
  /**
   * The sheet asked about never mentions these words, another does: "The May 25, 2019 fact sheet doesn't
   * mention “jobs”. The circa April 2018 one does:" (sheets named by their display dates).
   */
  /**
   * Said before the passage an earlier answer quoted, when asked where it came from ("which sheet is that
   * from?"): "That is from the circa April 2018 fact sheet, section SHARED PROSPERITY:".
   */
  readonly sourceOfLastAnswer: (sheet: string, section: string | undefined) => string;
  readonly otherSheet: (
    askedSheets: readonly string[],
    missing: readonly string[],
    otherSheet: string,
  ) => string;
  /** Said before an overview: one cited line per section of the named sheets ("May 25, 2019"). */
  readonly overviewLead: (sheetNames: readonly string[], topical: boolean) => string;
  /** The reply to a language Kizuna does not answer in: always in English and Japanese. */
  readonly unsupportedLanguage: (languageName?: string) => string;
  readonly cooldownBusy: string;
  /** `englishWait` is the English duration the bot shows today ("5.0 s"); `waitSeconds` the same, whole. */
  readonly cooldownWait: (waitSeconds: number, englishWait: string) => string;
  readonly adminOnlyInServer: string;
  readonly adminOnly: string;
  readonly invalidInput: string;
  readonly emptyQuestion: string;
  readonly questionTooLong: (length: number, maxLength: number) => string;
  readonly genericFailure: string;
  readonly passageGone: string;
  readonly unknownCommand: string;
  readonly unknownButton: string;
  readonly threadWelcome: string;
  /** The reply to a mention with no question after it. */
  readonly emptyMention: string;
  /** Answer and passage presentation. */
  readonly sources: string;
  readonly sourcesContinued: string;
  readonly passageButton: (marker: number) => string;
  readonly noAnswerText: string;
  readonly answeredFooter: (answerer: string) => string;
  readonly notCoveredFooter: (missing: readonly string[], answerer: string) => string;
  readonly openingQuotation: string;
  readonly passageDate: string;
  readonly passageSection: string;
  readonly passageFooter: (passageId: string) => string;
  /** `/quote` presentation. */
  readonly quoteSource: string;
  readonly showPassage: string;
  /** Said above a quotation; empty in English (the speaker is the embed's author). */
  readonly quoteFraming: (speaker: string) => string;
  /** `/sources` presentation. */
  readonly sourcesTitle: string;
  readonly noSources: string;
  readonly sourcesSummary: (sheetCount: number, passageCount: number) => string;
  readonly passageCount: (count: number) => string;
  readonly quotationCount: (count: number) => string;
  readonly status: StatusLabels;
}

/**
 * The message catalogue for a reply language. English is exactly what Kizuna says today (the strings of
 * src/core/service/refusal-message.ts, validate-question.ts and src/discord/…), so choosing `messages('en')`
 * changes nothing for English users.
 */
export function messages(language: ReplyLanguage): MessageCatalogue {
  return language === 'ja' ? JAPANESE_MESSAGES : ENGLISH_MESSAGES;
}
