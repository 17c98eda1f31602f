import { describe, expect, it } from 'vitest';

import {
  placesBeyond,
  answersAskedFact,
  asksForPart,
  namesPlaceBeyond,
  statesPosition,
  namesAmount,
  statesPart,
  statesAskedFact,
  statesPlaceBeyond,
  statesTimeBeyond,
  namesListed,
} from '../../../src/core/answer/asked-fact.js';

describe('statesTimeBeyond', () => {
  const visit = 'President Trump spoke to troops during his November visit to Japan.';

  it('GIVEN a "when" question that already names the only time the sentence gives THEN the sentence does not answer it', () => {
    expect(statesTimeBeyond(visit, "when was trump's november trip to japan?")).toBe(false);
  });

  it('GIVEN a "when" question without a time of its own THEN any stated time answers it', () => {
    expect(statesTimeBeyond(visit, 'when did trump visit the troops?')).toBe(true);
  });

  it('GIVEN a sentence with a time the question did not name THEN it answers', () => {
    expect(
      statesTimeBeyond('In September 2017, the air forces trained together.', 'when in 2017 was the drill?'),
    ).toBe(true);
  });

  it.each([
    'what date exactly did they first meet after the election?',
    'which day did the leaders first meet?',
    'what was the exact date of their first meeting?',
  ])('GIVEN "%s" (a day asked for) THEN a year or "in the days following" does not answer it', (question) => {
    const sentence = 'In the days following the 2016 Election, Abe was the first world leader to meet him.';
    expect(statesTimeBeyond(sentence, question)).toBe(false);
    expect(statesTimeBeyond('They first met on November 17, 2016.', question)).toBe(true);
  });

  it('GIVEN a plain "when" THEN a year still answers it', () => {
    const sentence = 'In the days following the 2016 Election, Abe was the first world leader to meet him.';
    expect(statesTimeBeyond(sentence, 'when did they first meet?')).toBe(true);
  });

  it('GIVEN a sentence with no time at all THEN it does not answer', () => {
    expect(
      statesTimeBeyond('The leaders met families of abductees.', 'when did they meet the families?'),
    ).toBe(false);
  });
});

describe('answersAskedFact for amounts', () => {
  const remark =
    'Abe has remarked that, "over the half-century history of the alliance, we have never seen this."';

  it('GIVEN "how often have they met?" THEN a half-century is no amount of meetings', () => {
    expect(answersAskedFact('quantity', remark, 'how often have they met?')).toBe(false);
  });

  it('GIVEN "how old is the alliance?" THEN the half-century answers it', () => {
    expect(answersAskedFact('quantity', remark, 'how old is the alliance?')).toBe(true);
    expect(answersAskedFact('count', remark, 'how many decades old is the alliance?')).toBe(true);
  });
});

describe('statesPlaceBeyond', () => {
  const plant = 'Toyota and Mazda are investing $1.6 billion towards a new Alabama manufacturing plant.';

  it('GIVEN "where is the plant?" THEN a sentence naming the state answers it', () => {
    expect(statesPlaceBeyond(plant, 'where is the toyota mazda plant?')).toBe(true);
  });

  it('GIVEN "where exactly in Alabama…?" THEN a sentence whose only place is Alabama does not', () => {
    expect(statesPlaceBeyond(plant, 'where exactly in alabama is the plant?')).toBe(false);
  });

  it('GIVEN a sentence with no place at all THEN it does not answer "where"', () => {
    expect(statesPlaceBeyond('The leaders met often.', 'where did the leaders meet?')).toBe(false);
  });
});

describe('statesAskedFact for "who"', () => {
  it.each([
    'U.S. Joint Strike Fighters and B-1 bombers joined the exercises.',
    'The Japanese and South Korean air forces trained together.',
    'President Trump praised the plant.',
  ])('GIVEN "%s" (a person, or a group that acts) THEN it answers "who"', (sentence) => {
    expect(statesAskedFact('who', sentence)).toBe(true);
  });

  it('GIVEN a sentence naming no one THEN it does not answer "who"', () => {
    expect(statesAskedFact('who', 'Negotiations are currently ongoing.')).toBe(false);
  });
});

describe('answersAskedFact for "when": an occasion that dates the very act asked about', () => {
  const address =
    'In his State of the Union address, President Trump praised Toyota and Mazda for investing in a new plant.';

  it('GIVEN "when did Trump praise Toyota?" THEN the address dates the praise', () => {
    expect(answersAskedFact('when', address, 'when did trump praise toyota for the plant?')).toBe(true);
  });

  it('GIVEN "when does the plant open?" THEN the address dates the praise, not the opening', () => {
    expect(answersAskedFact('when', address, 'when is the plant supposed to open?')).toBe(false);
  });
});

describe('asksForPart and statesPart', () => {
  it.each([
    "how much of the 1.6bn is mazda's share?",
    'how many of those jobs are in manufacturing?',
    'how much did honda put in on its own?',
    'of the 850k jobs how many r at toyota specifically?',
    'of those ~thirty trump–abe contacts how many were in person vs phone?',
    'whats the breakdown of the $424B of fdi by industry',
  ])('GIVEN "%s" THEN a part of an amount is asked for', (question) => {
    expect(asksForPart(question)).toBe(true);
  });

  it.each([
    'how much did toyota and mazda invest?',
    'how many UN penalty packages were adopted vs the DPRK?',
  ])('GIVEN "%s" THEN the whole is asked for', (question) => {
    expect(asksForPart(question)).toBe(false);
  });

  it.each([
    ['$424B', true],
    ['850k jobs', true],
    ['nearly 850,000', true],
    ['~30 meetings', true],
    ['thirty contacts', true],
    ['how many jobs', true],
    ['the 2018 sheet', false],
    ['what does reiwa mean', false],
  ])('GIVEN "%s" THEN namesAmount is %s', (text, expected) => {
    expect(namesAmount(text)).toBe(expected);
  });

  it('GIVEN a total alone THEN no part is stated; GIVEN a percentage THEN one is', () => {
    expect(statesPart('Toyota and Mazda are investing $1.6 billion in a new plant.')).toBe(false);
    expect(statesPart('Mazda pays 50% of the $1.6 billion.')).toBe(true);
  });
});

describe('statesPosition and namesPlaceBeyond', () => {
  it.each([
    ['Japan represents the third largest source of FDI.', true],
    ['the 2nd-biggest investor', true],
    ['in the top five', true],
    ["Japan is one of the world's largest purchasers of the F-35 jet.", false],
    ['Abe was the first world leader to seek a meeting.', false],
  ])('GIVEN "%s" THEN a standing is given: %s', (sentence, expected) => {
    expect(statesPosition(sentence)).toBe(expected);
  });

  it('GIVEN places named that the question did not name THEN they answer "which parts of the world"; "across the world" does not', () => {
    const question = 'which parts of the world is the energy partnership aimed at?';
    expect(namesPlaceBeyond('energy in Southeast Asia, South Asia, and Sub-Saharan Africa', question)).toBe(
      true,
    );
    expect(namesPlaceBeyond('to grow secure energy markets across the world', question)).toBe(false);
  });

  it('GIVEN the places every passage names (the parties) THEN they do not answer "where"', () => {
    const question = 'which regions is the energy partnership meant to help?';
    const isParty = (place: string) => place === 'japan' || place === 'united' || place === 'states';
    expect(
      namesPlaceBeyond('The United States and Japan cooperate on energy markets.', question, isParty),
    ).toBe(false);
    expect(
      namesPlaceBeyond('The United States and Japan bring energy to Southeast Asia.', question, isParty),
    ).toBe(true);
  });
});

describe('placesBeyond', () => {
  const parties = (place: string) => ['japan', 'united', 'states'].includes(place);
  it('GIVEN places listed after "in" THEN each counts, and a month is no place', () => {
    expect(
      placesBeyond('energy in Southeast Asia, South Asia, and Sub-Saharan Africa', 'which regions?', parties),
    ).toEqual(expect.arrayContaining(['southeast asia', 'south asia', 'sub-saharan africa']));
    expect(
      placesBeyond('Also in November 2017, they signed a memorandum.', 'which regions?', parties),
    ).toEqual([]);
  });
});

describe('namesListed', () => {
  it.each([
    ['Major Japanese companies such as Toyota, Mazda, Honda, and Denso have invested billions.', 4],
    ['President Trump praised Toyota and Mazda for investing $1.6 billion.', 2],
    ['the U.S., Japanese, and South Korean militaries conducted a joint exercise', 3],
    ['Japan is a close ally of the United States.', 0],
  ])('GIVEN "%s" THEN it lists %i names', (sentence, count) => {
    expect(namesListed(sentence)).toBe(count);
  });
});
