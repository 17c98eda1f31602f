import type { MessageCatalogue, UnstatedFact } from './messages.js';
import { unsupportedLanguageReply } from './unsupported-language-reply.js';

/**
 * English strings, copied word for word from where they are used today: refusal-message.ts,
 * validate-question.ts, user-notices.ts, cooldowns.ts, permissions.ts, handle-message.ts and the
 * presentation modules under src/discord/presentation. A test compares them with the originals.
 */
const UNSTATED: Readonly<Record<UnstatedFact, string>> = {
  quantity: "The fact sheets don't give that number.",
  count: "The fact sheets don't give that number.",
  money: "The fact sheets don't give that amount.",
  when: "The fact sheets don't say when.",
  who: "The fact sheets don't say who.",
  where: "The fact sheets don't say where.",
  rank: "The fact sheets don't give that ranking.",
};

export const ENGLISH_MESSAGES: MessageCatalogue = {
  language: 'en',
  answerLeadIn: () => '',
  claimVerdict: (verdict) => (verdict === 'confirmed' ? 'Yes.' : 'No. The fact sheets say:'),
  refusal: (missing, documentCount) => {
    const scope = `I answer only from the ${documentCount === 2 ? 'two ' : ''}White House fact sheets on the U.S.–Japan alliance.`;
    if (missing.length === 0) return `The fact sheets don't cover that. ${scope}`;
    return `The fact sheets don't mention ${joinWithOr(missing.slice(0, 3).map(namePhrase))}. ${scope}`;
  },
  noTopic: () =>
    'Could you say what you would like to know? For example: “How many American jobs do Japanese companies support?”',
  chitChat: (documentCount, kind = 'greeting') => {
    const what = `I answer questions about the U.S.–Japan alliance from ${documentCount === 2 ? 'the two ' : ''}White House fact sheets, with sources.`;
    switch (kind) {
      case 'thanks':
        return `You're welcome! Ask me anything else about the alliance. For example: “What does Reiwa mean?”`;
      case 'help':
        return `${what} Ask in plain English or Japanese, for example “What does Reiwa mean?” or “How many American jobs do Japanese companies support?”; ask a follow-up (“when was that?”, “tell me more”); or ask for an overview (“Summarize the 2019 fact sheet”). Every answer names its sheet and section.`;
      case 'feedback':
        return `Sorry if that missed. Every answer quotes the sheet it rests on, so you can check it against the source; on Discord, 👎 on the answer tells the server's admins what went wrong. You could also ask again in other words, e.g. “What does Reiwa mean?”`;
      case 'about':
        return `I'm Kizuna (絆, “bond”). ${what} I quote the sheets' own words and cite the passage each answer rests on; when the sheets don't say, I say so. For example: “What does Reiwa mean?”`;
      case 'acknowledgement':
        return `Anything else you'd like to know about the alliance? For example: “What does Reiwa mean?”`;
      case 'greeting':
        return `Hello! ${what} For example: “What does Reiwa mean?”`;
    }
  },
  sourcesList: (documents) =>
    [
      `I answer from ${documents.length === 1 ? 'this fact sheet' : `these ${documents.length} fact sheets`}:`,
      ...documents.map((document) => `• ${document.title} — ${document.publisher}, ${document.displayDate}`),
      'Ask about anything in them, e.g. “Summarize the 2019 fact sheet”.',
    ].join('\n'),
  noSheetOfYear: (year, documents) =>
    [
      `I don't have a fact sheet from ${year}. I answer from ${documents.length === 1 ? 'this one' : `these ${documents.length}`}:`,
      ...documents.map((document) => `• ${document.title} — ${document.publisher}, ${document.displayDate}`),
    ].join('\n'),
  closestPassage: (missing, unstated) => {
    const what =
      missing.length > 0
        ? `The fact sheets don't say anything about ${joinWithOr(missing.slice(0, 3).map(namePhrase))}.`
        : unstated === undefined
          ? "The fact sheets don't answer that exactly."
          : UNSTATED[unstated];
    return `${what} The closest they come:`;
  },
  sourceOfLastAnswer: (sheet, section) =>
    `That is from the ${sheet} fact sheet${section === undefined ? '' : `, section ${section}`}:`,
  otherSheet: (askedSheets, missing, otherSheet) =>
    `The ${joinWithAnd(askedSheets)} fact sheet${askedSheets.length === 1 ? " doesn't" : "s don't"} mention ${joinWithOr(missing.slice(0, 3).map(namePhrase))}. The ${otherSheet} one does:`,
  overviewLead: (sheetNames, topical) => {
    const sheets = sheetNames.length === 1 ? `the ${sheetNames[0]} fact sheet` : 'the fact sheets';
    return topical
      ? `What ${sheets} say${sheetNames.length === 1 ? 's' : ''} on that, section by section:`
      : `What ${sheets} cover${sheetNames.length === 1 ? 's' : ''}, section by section:`;
  },
  unsupportedLanguage: unsupportedLanguageReply,
  cooldownBusy: "I'm still working on your previous question. One at a time, please.",
  cooldownWait: (_seconds, englishWait) => `Please wait ${englishWait} before asking again.`,
  adminOnlyInServer: 'Admin commands only work inside a server, not in direct messages.',
  adminOnly:
    'Sorry, this command is for server admins (Manage Server permission, or a role or user listed by the bot owner).',
  invalidInput: 'A question must be text.',
  emptyQuestion:
    'The question is empty. Ask something about the U.S.–Japan alliance, e.g. “What does Reiwa mean?”',
  questionTooLong: (length, maxLength) =>
    `The question is ${length} characters long; the limit is ${maxLength}. Please shorten it.`,
  genericFailure:
    'Sorry, something went wrong on my side while handling that. It has been logged; please try again in a moment.',
  passageGone:
    'That passage is no longer in the current fact sheets (the knowledge was reloaded since this message was sent).',
  unknownCommand: "I don't know that command any more. An admin may need to run `npm run deploy-commands`.",
  unknownButton: 'That button no longer does anything. Ask again to get a fresh answer.',
  threadWelcome: 'Follow-up questions in this thread are answered without a mention.',
  emptyMention:
    'Ask me something about the US–Japan alliance after the mention, e.g. "@Kizuna what did the 2019 fact sheet say about trade?"',
  sources: 'Sources',
  sourcesContinued: 'Sources (continued)',
  passageButton: (marker) => `Passage [${marker}]`,
  noAnswerText: 'I have no answer to show.',
  answeredFooter: (answerer) => `Answered from the White House fact sheets · ${answerer}`,
  notCoveredFooter: (missing, answerer) =>
    `Not covered by the fact sheets${missing.length > 0 ? ` (no mention of: ${missing.join(', ')})` : ''} · ${answerer}`,
  openingQuotation: 'opening quotation',
  passageDate: 'Date',
  passageSection: 'Section',
  passageFooter: (passageId) => `Passage ${passageId}`,
  quoteSource: 'Source',
  showPassage: 'Show the passage',
  quoteFraming: () => '',
  sourcesTitle: 'Fact sheets Kizuna answers from',
  noSources: 'No fact sheets are loaded.',
  sourcesSummary: (sheets, passages) =>
    `${sheets} fact ${sheets === 1 ? 'sheet' : 'sheets'}, ${passages} citable passages.`,
  passageCount: (count) => plural(count, 'passage'),
  quotationCount: (count) => plural(count, 'quotation'),
  status: {
    title: 'Kizuna status',
    fingerprint: 'Corpus fingerprint',
    factSheets: 'Fact sheets',
    passages: 'Passages',
    quotations: 'Quotations',
    embedder: 'Embedder',
    answerer: 'Answerer',
    uptime: 'Uptime',
    uptimeValue: (duration, since) => `${duration} (since ${since})`,
    questionsAnswered: 'Questions answered',
    questionsRefused: 'Questions refused',
    lastReload: 'Last reload',
    index: 'Index',
    indexUnknown: 'unknown',
    shard: 'Shard',
    shardValue: (ids, count) => `${ids} of ${count}`,
    reloadNone: 'none since start',
    reloadSucceeded: (when, took) => `succeeded ${when}${took === '' ? '' : ` in ${took}`}`,
    reloadFailed: (when, error) =>
      `failed ${when}${error ? `: ${error}` : ''} (the previous knowledge kept serving)`,
  },
};

/** Names start with a capital, "the" or a digit; other phrases are quoted (as refusal-message.ts does). */
function namePhrase(phrase: string): string {
  return /^\p{Lu}|^the\s/u.test(phrase) || /^\d/.test(phrase) ? phrase : `“${phrase}”`;
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
