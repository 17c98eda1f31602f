import { describe, expect, it } from 'vitest';

import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import {
  formatHistoryForPrompt,
  formatPassagesForPrompt,
  NO_HISTORY,
} from '../../../src/core/prompts/format-prompt-values.js';
import type { KnowledgeDocument, Passage } from '../../../src/core/types.js';

const document: KnowledgeDocument = {
  id: 'doc-a',
  title: 'Sheet A',
  publisher: 'Publisher',
  date: '2001-02-03',
  dateApproximate: false,
  displayDate: 'February 3, 2001',
  file: 'doc-a.md',
};

function retrieved(text: string, section: string): RetrievedPassage {
  const passage: Passage = {
    id: `doc-a#${text.length}`,
    documentId: 'doc-a',
    section,
    kind: 'bullet',
    position: 0,
    line: 1,
    text,
  };
  return { passage, document, score: 0.5 };
}

describe('formatPassagesForPrompt', () => {
  it('numbers passages from 1 in the order given, with sheet, date and section', () => {
    const text = formatPassagesForPrompt([
      retrieved('First text.', 'SECTION ONE'),
      retrieved('Second text.', 'SECTION TWO'),
    ]);

    expect(text).toBe(
      '[1] Sheet A (February 3, 2001) — SECTION ONE\nFirst text.\n\n[2] Sheet A (February 3, 2001) — SECTION TWO\nSecond text.',
    );
  });

  it('leaves out the section for a passage that has none', () => {
    expect(formatPassagesForPrompt([retrieved('Opening words.', '')])).toBe(
      '[1] Sheet A (February 3, 2001)\nOpening words.',
    );
  });
});

describe('formatHistoryForPrompt', () => {
  it('says there is no history when there are no turns', () => {
    expect(formatHistoryForPrompt([])).toBe(NO_HISTORY);
  });

  it('labels turns oldest first and strips old citation markers from answers', () => {
    const text = formatHistoryForPrompt([
      { role: 'user', text: 'First question?' },
      { role: 'assistant', text: 'An answer [1][2] with a range [3, 4].' },
    ]);

    expect(text).toBe('User: First question?\nKizuna: An answer with a range.');
  });

  it('keeps only the most recent turns and clips long ones', () => {
    const turns = Array.from({ length: 10 }, (_, index) => ({
      role: 'user' as const,
      text: `turn ${index} ${'x'.repeat(50)}`,
    }));
    const text = formatHistoryForPrompt(turns, { maxTurns: 2, maxCharsPerTurn: 10 });

    expect(text).toBe('User: turn 8 xxx…\nUser: turn 9 xxx…');
  });
});
