import { describe, expect, it } from 'vitest';

import {
  contentTerms,
  contentTokens,
  countContentTokens,
  isContentToken,
} from '../../../src/core/text/content-terms.js';
import { isStopword } from '../../../src/core/text/stopwords.js';

describe('stopwords', () => {
  it('covers function words and the wording of questions', () => {
    for (const word of ['the', 'and', 'of', 'what', 'who', 'how', 'does', 'did', 'tell', 'me', 'explain'])
      expect(isStopword(word)).toBe(true);
  });

  it('keeps topic words', () => {
    for (const word of ['japan', 'jobs', 'trade', 'security', 'president', 'usa'])
      expect(isStopword(word)).toBe(false);
  });
});

describe('content terms', () => {
  it('drops stopwords, question wording and lone initials', () => {
    expect(contentTokens('What did Donald J. Trump say about the trade deal?')).toEqual([
      'donald',
      'trump',
      'trade',
      'deal',
    ]);
  });

  it('keeps numbers, including single digits', () => {
    expect(isContentToken('4')).toBe(true);
    expect(isContentToken('j')).toBe(false);
  });

  it('stems, so that questions and passages worded differently share terms', () => {
    expect(contentTerms('the denuclearisation of the peninsula')).toEqual(
      contentTerms('Denuclearizing the Peninsula'),
    );
  });

  it('counts repeated tokens', () => {
    expect([...countContentTokens('Japan and Japan and the United States')]).toEqual([
      ['japan', 2],
      ['united', 1],
      ['states', 1],
    ]);
  });

  it('returns nothing for a text made only of stopwords', () => {
    expect(contentTerms('What is it and how does it?')).toEqual([]);
  });
});

describe('contentTokens, remembered', () => {
  it('GIVEN the same text twice THEN the same tokens, in a fresh array each time (a caller may change its own)', () => {
    const text = 'Japanese companies support over 850,000 American jobs.';
    const first = contentTokens(text);
    first.push('changed');
    expect(contentTokens(text)).toEqual(['japanese', 'companies', 'support', '850000', 'american', 'jobs']);
  });
});
