import type { AnswerContext, RetrievedPassage } from '../../../src/core/answer/answerer.js';
import type { ConversationTurn, KnowledgeDocument } from '../../../src/core/types.js';

const document: KnowledgeDocument = {
  id: 'fixture-sheet',
  title: 'Fixture Fact Sheet',
  publisher: 'Fixture Publisher',
  date: '2000-01-01',
  dateApproximate: false,
  displayDate: 'January 1, 2000',
  file: 'fixture-sheet.md',
};

/** Retrieved passages with distinctive, made-up texts (`PASSAGE-ONE-TEXT`…), best first. */
export function fixturePassages(texts: readonly string[]): RetrievedPassage[] {
  return texts.map((text, position) => ({
    passage: {
      id: `fixture-sheet#${position}`,
      documentId: document.id,
      section: 'FIXTURE SECTION',
      kind: 'bullet',
      position,
      line: position + 1,
      text,
    },
    document,
    score: 1 - position / 10,
  }));
}

/** An answer context for `question` over the given passage texts. */
export function answerContext(
  question: string,
  texts: readonly string[],
  history: readonly ConversationTurn[] = [],
): AnswerContext {
  return { question, standaloneQuestion: question, history, passages: fixturePassages(texts) };
}
