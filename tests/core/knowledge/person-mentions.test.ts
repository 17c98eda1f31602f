import { describe, expect, it } from 'vitest';

import { createSpeakerResolver, findPersonMentions } from '../../../src/core/knowledge/person-mentions.js';

const names = (text: string) => findPersonMentions(text).map((mention) => [mention.title, mention.name]);

describe('findPersonMentions', () => {
  it('finds titled people with full names, initials included', () => {
    expect(names('President Donald J. Trump and Prime Minister Shinzo Abe have worked together.')).toEqual([
      ['President', 'Donald J. Trump'],
      ['Prime Minister', 'Shinzo Abe'],
    ]);
  });

  it('reads the longest title, so an advisor to the president is not the president', () => {
    expect(names('Prime Minister Abe invited Advisor to the President Ivanka Trump to Tokyo.')).toEqual([
      ['Prime Minister', 'Abe'],
      ['Advisor to the President', 'Ivanka Trump'],
    ]);
  });

  it('finds a title used alone, and stops a name at a sentence end, an ellipsis or a possessive', () => {
    expect(
      names('The President met him. President Trump. Prime Minister Abe… and Prime Minister Abe’s visit'),
    ).toEqual([
      ['President', ''],
      ['President', 'Trump'],
      ['Prime Minister', 'Abe'],
      ['Prime Minister', 'Abe'],
    ]);
  });

  it('does not read capitalised words inside other words as titles', () => {
    expect(names('Presidential visits and Kingdoms are not people.')).toEqual([]);
  });
});

describe('createSpeakerResolver', () => {
  const resolve = createSpeakerResolver(
    findPersonMentions(
      'President Donald J. Trump and First Lady Melania Trump met Prime Minister Shinzo Abe. President Trump and Prime Minister Abe spoke.',
    ),
  );

  it('gives the fullest name the document uses for the same title and surname', () => {
    expect(resolve({ title: 'President', name: 'Trump' })).toBe('President Donald J. Trump');
    expect(resolve({ title: 'Prime Minister', name: 'Abe' })).toBe('Prime Minister Shinzo Abe');
  });

  it('does not confuse people who share a surname but not a title', () => {
    expect(resolve({ title: 'First Lady', name: 'Trump' })).toBe('First Lady Melania Trump');
  });

  it('resolves a bare title when the document names exactly one such person', () => {
    expect(resolve({ title: 'President', name: '' })).toBe('President Donald J. Trump');
  });

  it('resolves a name without a title when only one person could be meant', () => {
    expect(resolve({ name: 'Shinzo Abe' })).toBe('Prime Minister Shinzo Abe');
  });

  it('keeps a mention as written when the document gives no fuller name or several people could be meant', () => {
    expect(resolve({ title: 'Ambassador', name: 'Hagerty' })).toBe('Ambassador Hagerty');
    expect(resolve({ name: 'Trump' })).toBe('Trump');
  });
});
