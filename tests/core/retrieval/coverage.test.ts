import { describe, expect, it } from 'vitest';
import { buildCorpusVocabulary } from '../../../src/core/retrieval/corpus-vocabulary.js';
import { judgeCoverage } from '../../../src/core/retrieval/coverage-verdict.js';
import { questionWords } from '../../../src/core/retrieval/question-terms.js';
import { assessCoverage, type CoverageWordTable } from '../../../src/core/retrieval/term-coverage.js';
import { makePassage } from '../../support/passages.js';

/** Three-dimensional "meanings": business words point one way, food another. */
const vectors: CoverageWordTable = {
  rank: (word) => (['sushi', 'population'].includes(word) ? 5_000 : 1_000),
  vector(word) {
    const table: Record<string, number[]> = {
      companies: [1, 0.1, 0],
      firms: [0.95, 0.15, 0],
      jobs: [0.2, 1, 0],
      employment: [0.25, 0.95, 0],
      population: [0, 0.2, 1],
      sushi: [0, 0, -1],
      american: [0.7, 0.7, 0],
      japanese: [0.7, 0.6, 0.1],
      support: [0.5, 0.5, 0],
    };
    const values = table[word];
    return values === undefined ? undefined : Float32Array.from(values);
  },
};

const vocabulary = buildCorpusVocabulary(
  [
    makePassage('Japanese companies support over 850,000 American jobs.'),
    makePassage('Toyota and Mazda invested $1.6 billion in a new Alabama plant.'),
    makePassage('The Trump Administration approved the sale of missile defense technology to Japan.'),
    makePassage('Advisor Ivanka Trump delivered remarks at the World Assembly for Women in Tokyo.'),
  ],
  vectors,
  ['2019'],
);

function verdict(question: string) {
  const words = questionWords(question);
  return judgeCoverage(words, assessCoverage(words, vocabulary, vectors));
}

describe('question coverage', () => {
  it('GIVEN a question in the sheets’ own words THEN it is covered', () => {
    expect(verdict('How many American jobs do Japanese companies support?').covered).toBe(true);
  });

  it('GIVEN a paraphrase ("firms" for "companies") THEN it is covered', () => {
    expect(verdict('How much employment do Japanese firms support?').covered).toBe(true);
  });

  it('GIVEN a misspelling of a word the sheets use ("Toyata") THEN it is covered', () => {
    expect(verdict('How much did Toyata invest in Alabama?').covered).toBe(true);
  });

  it('GIVEN a misspelt filler word ("waht") THEN it is ignored, not held against the question', () => {
    expect(verdict('Waht did Mazda invest?').covered).toBe(true);
  });

  it('GIVEN a near-domain question (a city the sheets name, a fact they do not) THEN it is refused, naming the gap', () => {
    const result = verdict("What is Tokyo's population?");
    expect(result.covered).toBe(false);
    expect(result.missing).toEqual(['population']);
  });

  it('GIVEN a name the sheets never use THEN it is refused and the whole name is given', () => {
    const result = verdict('Does Japan belong to the Trans-Pacific Partnership?');
    expect(result.covered).toBe(false);
    expect(result.missing).toContain('the Trans-Pacific Partnership');
  });

  it('GIVEN a year the sheets never mention THEN it is refused even if everything else matches', () => {
    const result = verdict('How many American jobs did Japanese companies support in 2023?');
    expect(result.covered).toBe(false);
    expect(result.missing).toEqual(['2023']);
  });

  it('GIVEN a document year THEN it counts as covered ("the 2019 sheet")', () => {
    expect(verdict('What did the 2019 fact sheet say about missile defense?').covered).toBe(true);
  });

  it('GIVEN words about the asking ("I forgot", "remind me", "what do the sheets cover") THEN they are never the topic', () => {
    expect(verdict('i forgot, remind me how many jobs japanese companies support').covered).toBe(true);
    expect(verdict('what do the sheets cover re japanese companies?').missing).toEqual([]);
    expect(verdict('what do the sheets mention about jobs?').salientCount).toBe(1);
  });

  it('GIVEN chat words ("bruh", "ngl", "tbh") THEN they are never the topic', () => {
    expect(verdict('bruh ngl tbh how many jobs do japanese companies support').covered).toBe(true);
  });

  it('GIVEN a question with no topic at all THEN nothing is salient', () => {
    expect(verdict('What does it say?').salientCount).toBe(0);
  });

  it('GIVEN a question typed in capitals THEN capitals are not taken for names', () => {
    expect(verdict('HOW MANY JOBS DO JAPANESE COMPANIES SUPPORT?').covered).toBe(true);
  });
});
