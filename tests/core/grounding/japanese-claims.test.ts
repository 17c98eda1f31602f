import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { groundReply } from '../../../src/core/grounding/ground-reply.js';
import { loadGlossary } from '../../../src/core/language/load-glossary.js';
import { translateJapaneseQuestion } from '../../../src/core/language/translate-question.js';
import { makeDocument, makePassage } from '../../support/passages.js';

const glossary = await loadGlossary('knowledge');
const readJapanese = (text: string) => {
  const translated = translateJapaneseQuestion(text, glossary);
  return [translated.englishQuery, ...translated.unknownTerms].join(' ');
};
const document = makeDocument();
const retrieved = (text: string): RetrievedPassage => ({ passage: makePassage(text), document, score: 0.8 });
const jobs = retrieved(
  'Through rigorous investment, hiring, and workforce development, Japanese companies support over 850,000 American jobs.',
);
const reiwa = retrieved(
  'Earlier this month, the Japanese people welcomed the new Imperial Era of "Reiwa,"which means "beautiful harmony."',
);
const ground = (reply: string, passages = [jobs, reiwa]) => groundReply(reply, passages, { readJapanese });

describe('groundReply on a model’s Japanese answer', () => {
  it('GIVEN faithful Japanese sentences THEN they are kept, with their markers', () => {
    const reply =
      '日本企業はアメリカで85万人以上の雇用を支えています[1]。令和は「beautiful harmony」という意味です[2]。';
    const result = ground(reply);
    expect(result.dropped).toEqual([]);
    expect(result.text).toContain('85万人');
    expect(result.answers).toBe(true);
  });

  it('GIVEN a changed number THEN the sentence is dropped', () => {
    const result = ground('日本企業はアメリカで95万人の雇用を支えています[1]。');
    expect(result.answers).toBe(false);
    expect(result.dropped[0]?.code).toBe('number');
  });

  it('GIVEN an added negation or reversal THEN the sentence is dropped', () => {
    expect(ground('日本企業はアメリカの雇用を支えていません[1]。').dropped[0]?.code).toBe('negation');
    expect(ground('日米同盟は解消されました[1]。').answers).toBe(false);
  });

  it('GIVEN a translated quotation in 「」 THEN it is dropped: quotations stay in the sheets’ words', () => {
    expect(ground('令和は「美しい調和」という意味です[2]。').dropped[0]?.code).toBe('quotation');
  });

  it('GIVEN no glossary to read Japanese THEN a Japanese claim cannot be checked and is dropped', () => {
    expect(groundReply('日本企業は85万人の雇用を支えています[1]。', [jobs]).answers).toBe(false);
  });
});
