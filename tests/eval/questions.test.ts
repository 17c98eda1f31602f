import { beforeAll, describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/core/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import {
  QUESTION_KINDS,
  countByKind,
  findKindShortfalls,
  findPassagesMissingFromKnowledge,
  loadQuestions,
  type EvalQuestion,
} from '../../src/eval/load-questions.js';
import { containsNormalised } from '../../src/eval/score.js';

// The shipped question set, checked against the project's own knowledge folder.
describe('src/eval/questions.json', () => {
  let questions: EvalQuestion[];
  let knowledge: KnowledgeBase;

  beforeAll(async () => {
    questions = await loadQuestions();
    knowledge = await loadKnowledge('knowledge');
  });

  it('is valid, with unique ids', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('holds at least 70 questions and the minimum of every kind', () => {
    expect(questions.length).toBeGreaterThanOrEqual(70);
    expect(findKindShortfalls(questions)).toEqual([]);
    expect(Object.keys(countByKind(questions))).toEqual([...QUESTION_KINDS]);
  });

  it('gives expected passages to every answerable question and none to the others', () => {
    for (const q of questions) {
      if (q.answerable) expect(q.expectedPassages?.length ?? 0, q.id).toBeGreaterThan(0);
      else expect(q.expectedPassages ?? [], q.id).toEqual([]);
    }
  });

  it('quotes every expected passage verbatim from a single passage of the knowledge base', () => {
    const texts = knowledge.passages.map((p) => p.text);
    expect(findPassagesMissingFromKnowledge(questions, texts)).toEqual([]);
  });

  it('only asks for key facts that a correctly cited passage states', () => {
    const unfair: string[] = [];
    for (const q of questions) {
      const correct = knowledge.passages.filter((p) =>
        (q.expectedPassages ?? []).some((e) => p.text.includes(e)),
      );
      for (const fact of q.keyFacts ?? []) {
        if (!correct.some((p) => containsNormalised(p.text, fact))) unfair.push(`${q.id}: ${fact}`);
      }
    }
    expect(unfair).toEqual([]);
  });

  it('names only documents that exist, and cross-sheet passages come from every named document', () => {
    const ids = new Set(knowledge.documents.map((d) => d.id));
    for (const q of questions.filter((question) => question.expectedDocuments)) {
      for (const id of q.expectedDocuments ?? []) {
        expect(ids.has(id), `${q.id}: ${id}`).toBe(true);
        const fromDocument = knowledge.passages.filter((p) => p.documentId === id);
        expect(
          fromDocument.some((p) => (q.expectedPassages ?? []).some((e) => p.text.includes(e))),
          `${q.id}: no expected passage in ${id}`,
        ).toBe(true);
      }
    }
  });

  it('keeps near-domain questions outside the sheets: their distinctive words never occur in them', () => {
    // A near-domain question that the sheets answer would be a dishonest test; each names something absent.
    const text = knowledge.passages
      .map((p) => p.text)
      .join('\n')
      .toLowerCase();
    const distinctive: Record<string, string> = {
      'tokyo-population-near-1': 'population',
      'tpp-near-1': 'trans-pacific',
      'defense-budget-near-1': 'budget',
      'abe-resignation-near-1': 'resign',
      'quad-near-1': 'quad',
      'okinawa-near-1': 'okinawa',
      'steel-tariffs-near-1': 'tariff',
      'yen-near-1': 'exchange rate',
      'biden-near-1': 'biden',
      'troop-count-near-1': 'stationed',
      'emperor-near-1': 'emperor',
      'singapore-near-1': 'singapore',
      'host-nation-near-1': 'host',
      'trade-deficit-near-1': 'deficit',
      'sumo-near-1': 'sumo',
      'senkaku-near-1': 'senkaku',
      'olympics-near-1': 'olympic',
    };
    for (const q of questions.filter((question) => question.kind === 'near-domain')) {
      const word = distinctive[q.id];
      expect(word, `${q.id} needs an entry in this test`).toBeDefined();
      expect(q.question.toLowerCase(), q.id).toContain(word);
      expect(text.includes(word ?? ''), `${q.id}: "${word}" occurs in the sheets`).toBe(false);
    }
  });
});
