import { describe, expect, it } from 'vitest';
import { splitPreamble } from '../../../src/core/pipeline/preamble.js';

describe('splitPreamble', () => {
  it('GIVEN a story and a question closing it THEN the story is set apart from the question', () => {
    expect(
      splitPreamble(
        'Buddy of mine does machinin for Lockheed suppliers down by Fort Worth. Is Tokyo a big buyer of our stealth fighter planes?',
      ),
    ).toEqual({
      preamble: 'Buddy of mine does machinin for Lockheed suppliers down by Fort Worth.',
      question: 'Is Tokyo a big buyer of our stealth fighter planes?',
    });
  });

  it('GIVEN lower-case chat with "!" between sentences THEN it is cut all the same', () => {
    expect(splitPreamble('ok so my kid asked me this lol! which jet does japan buy a lot of?').question).toBe(
      'which jet does japan buy a lot of?',
    );
  });

  it('GIVEN a remark after the question THEN it is set apart as an afterword', () => {
    expect(splitPreamble('is japan buyin the f-53 jets? autocorrect keeps changing it sorry')).toEqual({
      afterword: 'autocorrect keeps changing it sorry',
      question: 'is japan buyin the f-53 jets?',
    });
  });

  it.each([
    ['one question only', 'How many jobs do Japanese companies support?'],
    ['a question earlier too', 'Is it true? How many jobs do Japanese companies support in the U.S.?'],
    [
      'a closing question too short to stand alone',
      'Both sheets talk about infrastructure. What do they say?',
    ],
    ['no closing question', 'Tell me about the U.S. and Japan. Thanks.'],
    ['an abbreviation, not a sentence end', 'Did the U.S. sell Japan anything for its defense?'],
    [
      'a second question typed without its mark',
      'lol wait so japan isnt even the #1 investor in the us?? where do they rank',
    ],
  ])('GIVEN %s THEN the message stays whole', (_kind, text) => {
    expect(splitPreamble(text)).toEqual({ question: text });
  });

  it.each([
    ['bro how many times have they actually met, feels like every week lmao', 'bro how many times have they actually met', 'feels like every week lmao'],
    ['how much did japan invest in the us, seems like a lot', 'how much did japan invest in the us', 'seems like a lot'],
  ])('GIVEN an impression after a comma ("%s") THEN it is an aside, not asked', (text, question, afterword) => {
    expect(splitPreamble(text)).toEqual({ question, afterword, aside: true });
  });

  it('GIVEN "feels like" inside the question THEN nothing is set apart', () => {
    expect(splitPreamble('why does it feel like japan and the us are close?')).toEqual({
      question: 'why does it feel like japan and the us are close?',
    });
  });

  it.each([
    'What does the name Reiwa mean? My obaachan was born in Taishō so the family is curious about the new one',
    "what does it translate to in English? Grandma's hanko still has the old Shōwa date on it lol",
    'are they teaming up on lunar stuff?? my cousin works at JAXA',
  ])('GIVEN the asker’s own story after the question ("%s") THEN it is an aside', (text) => {
    expect(splitPreamble(text).aside).toBe(true);
  });

  it('GIVEN a remark after the question that is not about the asker THEN it is no aside', () => {
    expect(splitPreamble('how many jobs did they create? the plant in Alabama.').aside).toBeUndefined();
  });
});
