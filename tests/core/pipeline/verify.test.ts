import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { verifyDraft } from '../../../src/core/pipeline/verify.js';
import { makeDocument, makePassage } from '../../support/passages.js';

const document = makeDocument();
const retrieved = (text: string): RetrievedPassage => ({ passage: makePassage(text), document, score: 0.8 });
const jobs = retrieved(
  'Through rigorous investment, hiring, and workforce development, Japanese companies support over 850,000 American jobs.',
);
const reiwa = retrieved(
  'Earlier this month, the Japanese people welcomed the new Imperial Era of "Reiwa,"which means "beautiful harmony."',
);

describe('verifyDraft', () => {
  it('GIVEN the sheets’ own sentences with their markers THEN they pass unchanged', () => {
    const text = `${jobs.passage.text} [1] ${reiwa.passage.text} [2]`;
    expect(verifyDraft(text, [jobs, reiwa])).toEqual({ text, dropped: [] });
  });

  it('GIVEN a sentence cited to a passage that does not say it THEN it is dropped with a reason', () => {
    const verified = verifyDraft(
      'Japanese companies support over 850,000 American jobs [1]. The alliance was dissolved in 2020 [1].',
      [jobs],
    );
    expect(verified.text).toBe('Japanese companies support over 850,000 American jobs [1].');
    expect(verified.dropped).toHaveLength(1);
  });

  it('GIVEN nothing supported THEN no text is left to answer with', () => {
    expect(verifyDraft('Japan supports 950,000 jobs [1].', [jobs]).text).toBe('');
  });
});

describe('verifyDraft on the sheets’ bracketed quotations', () => {
  const abe = retrieved(
    'Prime Minister Abe has remarked that, "over the half-century history of [the] Japan-U.S. alliance, we [have] never seen two leaders of Japan and the United States forging as close a relationship as ours and as strong a bond as ours in just one year."',
  );

  it('GIVEN a passage with the sheet’s own [editorial] brackets THEN it is still verbatim, not a marker', () => {
    const text = `${abe.passage.text} [1]`;
    expect(verifyDraft(text, [abe]).text).toBe(text);
  });
});
