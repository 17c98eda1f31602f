import { describe, expect, it } from 'vitest';
import { normalise, normaliseHistory } from '../../../src/core/pipeline/normalise.js';
import { EMPTY_LEXICON } from '../../../src/core/service/lexicon.js';

const context = { aliases: EMPTY_LEXICON.aliases, glossary: EMPTY_LEXICON.glossary };
const search = (text: string): string => {
  const input = normalise(text, context);
  return input.kind === 'question' ? input.search : `(${input.kind})`;
};

describe('normalise', () => {
  it.each([
    ['what happened in ’17?', 'what happened in 2017?'],
    ["the '19 sheet", 'the 2019 sheet'],
    ["the late-'17 drills", 'the late 2017 drills'],
  ])('GIVEN a short year ("%s") THEN it is written in full, as the sheets write it', (text, expected) => {
    expect(search(text)).toBe(expected);
  });

  it('GIVEN only markup THEN nothing is left to ask', () => {
    expect(normalise('<@123456789012345678>', context).kind).toBe('empty');
  });
});

describe('normaliseHistory', () => {
  it('GIVEN earlier turns THEN the person’s are read like a new question, the bot’s are kept as said', () => {
    const history = normaliseHistory(
      [
        { role: 'user', text: 'what about the F\u201135? <@123456789012345678>' },
        { role: 'assistant', text: 'Japan buys the F\u201135.' },
      ],
      context,
    );
    expect(history[0]?.text).toBe('what about the F-35?');
    expect(history[1]?.text).toBe('Japan buys the F\u201135.');
  });
});

describe('normalise: Japanese words in an English question', () => {
  it('GIVEN Japanese terms the glossary knows inside English THEN they are searched as the sheets’ English', async () => {
    const { loadGlossary } = await import('../../../src/core/language/load-glossary.js');
    const withGlossary = { ...context, glossary: await loadGlossary('knowledge') };
    const read = (text: string) => normalise(text, withGlossary);
    const reiwa = read('what does reiwa mean? 令和');
    expect(reiwa).toMatchObject({ kind: 'question', language: 'en', search: 'what does reiwa mean? Reiwa' });
    expect(read('日本企業 jobs how many')).toMatchObject({
      language: 'en',
      search: 'Japanese companies jobs how many',
    });
    // What the person typed is shown back as typed.
    expect(reiwa.display).toBe('what does reiwa mean? 令和');
  });
});
