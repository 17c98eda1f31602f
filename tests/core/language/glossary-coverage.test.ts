import { describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge.js';
import {
  englishTermsToCover,
  glossaryCoverage,
  missingGlossaryTerms,
} from '../../../src/core/language/glossary-coverage.js';
import { loadGlossary } from '../../../src/core/language/load-glossary.js';
import { parseGlossary } from '../../../src/core/language/parse-glossary.js';

const small = parseGlossary(
  'glossary/ja.tsv',
  '# source: test\n# licence: MIT\nja\ten\tkind\n投資\tinvestment\tterm\n日本\tJapan\tplace\n',
);

describe('englishTermsToCover', () => {
  it('GIVEN passages THEN it lists their stemmed content terms by passage count, without numbers or codes', () => {
    const terms = englishTermsToCover([
      { text: 'Japan invested $1.6 billion.' },
      { text: 'Investment in Japan and F-35 jets.' },
    ]);
    expect(terms.slice(0, 2)).toEqual([
      { stem: 'invest', word: 'invested', passages: 2 },
      { stem: 'japan', word: 'japan', passages: 2 },
    ]);
    expect(terms.map((term) => term.word)).not.toContain('f35');
    expect(terms.map((term) => term.word)).not.toContain('1.6');
  });
});

describe('missingGlossaryTerms', () => {
  it('GIVEN a new sheet with vocabulary the glossary lacks THEN the index build can list it, commonest first', () => {
    const passages = [
      { text: 'Japan invested in Okinawa.' },
      { text: 'Okinawa hosts bases.' },
      { text: 'Investment in September.' },
    ];
    expect(missingGlossaryTerms(passages, small)).toEqual(['okinawa', 'bases', 'hosts']);
  });
});

describe('glossary coverage of the real fact sheets', () => {
  it('GIVEN knowledge/*.md and knowledge/glossary/ja.tsv THEN at least 90% of term uses by passage have a Japanese entry', async () => {
    const [knowledge, glossary] = await Promise.all([loadKnowledge('knowledge'), loadGlossary('knowledge')]);
    const coverage = glossaryCoverage(knowledge.passages, glossary);
    // Measured: 100% by passage frequency and by term (355 of 355 terms) with the number reader's words
    // (months, "four", "third"); the glossary alone reaches 98.6% by passage frequency.
    expect(coverage.byPassageFrequency).toBeGreaterThanOrEqual(0.9);
    expect(coverage.termCount).toBeGreaterThan(300);
    expect(coverage.missing).toEqual([]);
  });
});
