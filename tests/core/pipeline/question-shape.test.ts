import { describe, expect, it } from 'vitest';
import {
  askedAttribute,
  askedFor,
  asksForOutcome,
  givesEstimate,
  isCrossSheetQuestion,
  countsNamedThings,
  enumeratesNames,
  sheetOrderWords,
  sheetDateWords,
  askedOffice,
  namesOfficeHolder,
  documentMonths,
  changeOfOffice,
  completion,
  lightVerbObject,
  asksForTranslation,
  absentSheetYear,
  statesAskedFact,
  targetDocuments,
} from '../../../src/core/pipeline/question-shape.js';
import { makeDocument } from '../../support/passages.js';

const documents = [
  makeDocument({ id: 'sheet-2018', date: '2018-04' }),
  makeDocument({ id: 'sheet-2019', date: '2019-05-25' }),
];

describe('askedFor', () => {
  it.each([
    ['and where?', 'where'],
    ['where exactly?', 'where'],
    ['where does japan rank among foreign investors?', 'rank'],
    ['what rank is Japan as a source of investment?', 'rank'],
    ['what position does Abe hold?', undefined],
    ['How many times have Trump and Abe met?', 'count'],
    ['how much did toyota and mazda put into alabama', 'quantity'],
    ['When did OPIC sign those MOUs?', 'when'],
    ['so when was that?', 'when'],
    ['What year did the drills happen?', 'when'],
    ['what exact date did ivanka give her keynote?', 'when'],
    ['Who called Abe a very aggressive, strong, tough Prime Minister?', 'who'],
    ['which companies invested billions?', 'who'],
    ['was japan the biggest investor in the US?', 'rank'],
    ['Tokyo is in what place among the countries parking capital stateside?', 'rank'],
    ["what's the rough cost of the projects?", 'money'],
    ['which city in alabama is the plant going in?', 'where'],
    ['How much does Japan pay each year to host US forces?', 'money'],
    ['how much money did toyota and mazda put into alabama', 'money'],
  ])('GIVEN "%s" THEN it asks for %s', (question, kind) => {
    expect(askedFor(question)).toBe(kind);
  });

  it.each([
    'What does Reiwa mean?',
    'what words did trump use when he praised abe?',
    'Among foreign countries investing in America, where does Japan stand?',
  ])('GIVEN "%s" THEN it asks for no particular kind of fact', (question) => {
    expect(askedFor(question)).toBeUndefined();
  });
});

describe('statesAskedFact rank', () => {
  it('GIVEN an ordinal or a superlative THEN it answers "where does X rank"', () => {
    expect(statesAskedFact('rank', 'Japan represents the third largest source of FDI')).toBe(true);
    expect(statesAskedFact('rank', 'Abe was the first world leader to seek a meeting')).toBe(true);
    expect(statesAskedFact('rank', 'cooperating to advance our shared interests in space')).toBe(false);
  });
});

describe('countsNamedThings', () => {
  it.each([
    ["how many nations' armed services took part?", true],
    ['how many countries joined the drills?', true],
    ['OPIC signed how many MOUs?', true],
    ['OPIC signed MOUs with how many japanese orgs? 2? 3?', true],
    ['how many troops are stationed in Japan?', false],
    ['how many United States troops are stationed in Japan?', false],
    ['how many Japanese citizens were abducted?', false],
    ['how many jobs do Japanese companies support?', false],
  ])('%s → %s', (question, expected) => {
    expect(countsNamedThings(question)).toBe(expected);
  });
});

describe('statesAskedFact', () => {
  it('GIVEN an amount THEN it answers "how many", but a year or a model code does not', () => {
    expect(statesAskedFact('quantity', 'holding nearly 30 official meetings')).toBe(true);
    expect(statesAskedFact('quantity', 'the United Nations has passed four rounds of sanctions')).toBe(true);
    expect(statesAskedFact('quantity', 'In September 2017, B-1 bombers joined the exercises.')).toBe(false);
  });

  it('GIVEN "our two countries" or "two leaders" THEN that is the alliance counted, not an amount', () => {
    expect(
      statesAskedFact('quantity', 'the sale and transfer of defense systems between our two countries'),
    ).toBe(false);
    expect(statesAskedFact('quantity', 'we have never seen two leaders of Japan and the United States')).toBe(
      false,
    );
    expect(statesAskedFact('quantity', 'two new F-35 squadrons arrived')).toBe(true);
  });

  it('GIVEN a sum of money THEN it does not count people or things ("how many people…")', () => {
    expect(
      statesAskedFact('count', 'companies have invested billions of dollars into American factories'),
    ).toBe(false);
    expect(statesAskedFact('count', 'investing $1.6 billion towards a new plant')).toBe(false);
    expect(statesAskedFact('count', 'Japanese companies support over 850,000 American jobs')).toBe(true);
  });

  it('GIVEN things named one by one THEN the sentence enumerates names (it answers "how many countries…")', () => {
    expect(
      enumeratesNames(
        'signed Memorandums of Understanding with JBIC and the Nippon Export and Investment Insurance',
      ),
    ).toBe(true);
    expect(enumeratesNames('joined the Japanese and South Korean air forces for joint exercises')).toBe(true);
    expect(enumeratesNames('the United States, Japan, and South Korea trained together')).toBe(true);
    expect(enumeratesNames('cooperating on energy and infrastructure across the region')).toBe(false);
  });

  it('GIVEN a sum of money THEN it answers "how much does it cost", but another number does not', () => {
    expect(statesAskedFact('money', 'investing $1.6 billion towards a new plant in Alabama')).toBe(true);
    expect(statesAskedFact('money', 'a financing of 1.5 trillion yen')).toBe(true);
    expect(statesAskedFact('money', 'over 850,000 American jobs')).toBe(false);
  });

  it('GIVEN a date or a season THEN it answers "when"', () => {
    expect(statesAskedFact('when', 'In November 2017, OPIC signed Memorandums')).toBe(true);
    expect(statesAskedFact('when', 'Last fall, the leaders agreed to negotiate')).toBe(true);
    expect(statesAskedFact('when', 'Japan is one of the largest purchasers of the F-35 jet')).toBe(false);
  });
});

describe('askedAttribute', () => {
  it.each([
    ['What is the population of Tokyo?', 'population'],
    ['How big is the US trade deficit with Japan?', 'deficit'],
    ['whats the US trade deficit w japan, like 60bn?', 'deficit'],
    ['what were the exact dates of the november trip?', 'dates'],
    ['whats the weather gonna be like in tokyo', 'weather'],
    ['What is the name of the emperor whose reign began the Reiwa era?', 'emperor'],
    ["what is japan's defense budget", 'budget'],
    ['how big was the toyota/mazda alabama investment trump hyped in the SOTU', 'investment'],
    ['what was the exact date ivanka spoke at the world assembly for women?', 'date'],
    ['what is the estimated population of tokyo?', 'population'],
  ])('GIVEN "%s" THEN it asks for the %s', (question, attribute) => {
    expect(askedAttribute(question)).toBe(attribute);
  });

  it.each([
    "yo what's the deal with the F-35s",
    "what's the endgame w pyongyang in the 2018 sheet",
    'whats the indo pacific vision thing trump keeps going on about',
    'What did Abe say about the alliance?',
    'which fighter plane is Japan buying?',
    "what's japan's rank as a foreign investor",
  ])('GIVEN "%s" THEN no attribute is asked for (a frame noun, or another shape)', (question) => {
    expect(askedAttribute(question)).toBeUndefined();
  });
});

describe('isCrossSheetQuestion', () => {
  it.each([
    'What do both fact sheets say about energy?',
    'How did the relationship change from 2018 to 2019?',
    'Compare the two fact sheets on security.',
  ])('GIVEN "%s" THEN each sheet should be heard', (question) => {
    expect(isCrossSheetQuestion(question, documents)).toBe(true);
  });

  it('GIVEN two years of which only one dates a sheet THEN it is not about both sheets', () => {
    expect(isCrossSheetQuestion('What happened between 2016 and 2019?', documents)).toBe(false);
  });

  it.each(['What does Reiwa mean?', 'What did the 2019 sheet say about space?'])(
    'GIVEN "%s" THEN it is about one subject, not the two sheets',
    (question) => expect(isCrossSheetQuestion(question, documents)).toBe(false),
  );
});

describe('sheetOrderWords', () => {
  it.each([
    ['summarize the first one (2018) pls', ['first']],
    ["what's in the most recent doc?", ['most', 'recent']],
    ['what did the newer sheet say about trade?', ['newer']],
    ['who was the first world leader to meet him?', []],
  ])('%s → %s', (question, words) => {
    expect([...sheetOrderWords(question)]).toEqual(words);
  });
});

describe('askedOffice and namesOfficeHolder', () => {
  it.each([
    ['who is the leader of north korea?', 'leader'],
    ["who's the foreign minister of japan", 'foreign minister'],
    ["who's the president?", 'president'],
    ['who was the first world leader to meet trump?', undefined],
    ['who is the emperor that started reiwa?', undefined],
  ])('%s → %s', (question, office) => {
    expect(askedOffice(question)).toBe(office);
  });

  it('reads a title before a name, not the office of someone’s adviser', () => {
    expect(namesOfficeHolder('Prime Minister Shinzo Abe was the first', 'prime minister')).toBe(true);
    expect(namesOfficeHolder('President Trump has pledged', 'president')).toBe(true);
    expect(namesOfficeHolder('Advisor to the President Ivanka Trump', 'president')).toBe(false);
    expect(namesOfficeHolder('The President has implemented a campaign', 'president')).toBe(false);
  });
});

describe('sheetDateWords', () => {
  const years = new Set(['2018', '2019']);
  const months = documentMonths(documents);

  it('knows the months the documents are dated in', () => {
    expect(months).toEqual(new Set(['2018-04', '2019-05']));
  });

  it.each([
    ['what did the may 2019 sheet say?', ['may']],
    ['where do things stand as of the may 2019 visit?', ['may']],
    ['what happened in Sept 2019?', []],
    ['what happened in march 2018?', []],
  ])('%s → %j', (question, words) => {
    expect([...sheetDateWords(question, years, months)]).toEqual(words);
  });
});

describe('targetDocuments', () => {
  it.each([
    ['what did the 2019 sheet say?', ['sheet-2019']],
    ['wat did the presidnet say in the 2019 fact sheat', ['sheet-2019']],
    ['according to the 2019 doc, what are the main foundations?', ['sheet-2019']],
    ['In the 2018 fact sheet, who was praised?', ['sheet-2018']],
    ['What does the fact sheet from 2019 say about space?', ['sheet-2019']],
    ['and in the 2018 one?', ['sheet-2018']],
    ['and in 2019?', ['sheet-2019']],
    ['tl;dr of the econ stuff in the first one?', ['sheet-2018']],
    ['what does the newer sheet say about space?', ['sheet-2019']],
  ])('GIVEN "%s" THEN it targets %j', (question, expected) => {
    expect(targetDocuments(question, documents)).toEqual(expected);
  });

  it('GIVEN a year that is about events, not a sheet THEN no document is targeted', () => {
    expect(targetDocuments('What happened in November 2017?', documents)).toBeUndefined();
  });

  it('GIVEN both sheets named THEN no filter is applied', () => {
    expect(targetDocuments('Compare the 2018 sheet and the 2019 sheet', documents)).toBeUndefined();
  });

  it('GIVEN "…in 2019?" and sheets whose text uses 2019 as a fact THEN it asks about the fact, not for the 2019 sheet', () => {
    const inText = (year: string) => year === '2019';
    expect(targetDocuments("What was Japan's total FDI in 2019?", documents, inText)).toBeUndefined();
    expect(targetDocuments('what did the 2019 sheet say?', documents, inText)).toEqual(['sheet-2019']);
    expect(targetDocuments('and in 2019?', documents)).toEqual(['sheet-2019']);
  });
});

describe('changeOfOffice', () => {
  it.each([
    ['who replaced abe?', 'replaced'],
    ['when did abe step down as PM', 'step down'],
    ['why did he resign', 'resign'],
    ["who's abe's successor", 'successor'],
    ['who became PM after Abe', 'came after'],
  ])('GIVEN %j THEN it tells of a change of office (%j)', (text, words) => {
    expect(changeOfOffice(text)).toBe(words);
  });

  it.each([
    'who was first to meet trump after he won?',
    'what happened after the election?',
    'who is the PM?',
  ])('GIVEN %j THEN it does not', (text) => expect(changeOfOffice(text)).toBeUndefined());
});

describe('completion', () => {
  it.each([
    ['when was the deal signed?', 'signed'],
    ['when did it take effect', 'take effect'],
    ['when was it finalised', 'finalised'],
  ])('GIVEN %j THEN it asks after a completion (%j)', (text, words) => expect(completion(text)).toBe(words));

  it('GIVEN "they agreed to enter into negotiations" THEN no completion is told', () => {
    expect(
      completion('Last fall, they agreed to enter into negotiations for a trade agreement.'),
    ).toBeUndefined();
  });
});

describe('lightVerbObject', () => {
  it.each([
    ['did trump play golf with abe?', ['golf']],
    ['did trump meet the new emperor on the 2019 trip?', ['the', 'new', 'emperor']],
    ['did trump put tariffs on japan', ['tariffs']],
    ["did the president's daughter have a role in any event?", ['a']],
    ['did trump go to a sumo match during the 2019 state visit?', ['a', 'sumo', 'match']],
  ])('GIVEN %j THEN the object is %j', (question, words) => {
    expect(lightVerbObject(question)).toEqual(words);
  });

  it('GIVEN a question that is not yes-or-no with a light verb THEN there is none', () => {
    expect(lightVerbObject('how many jobs do japanese companies support?')).toEqual([]);
  });
});

describe('absentSheetYear', () => {
  const documents = [
    {
      id: 'a',
      title: 'A',
      date: '2018-04',
      displayDate: 'circa April 2018',
      publisher: 'The White House',
      source: '',
    },
    {
      id: 'b',
      title: 'B',
      date: '2019-05-25',
      displayDate: 'May 25, 2019',
      publisher: 'The White House',
      source: '',
    },
  ] as unknown as Parameters<typeof absentSheetYear>[1];

  it.each([
    ['what did the 2017 white house fact sheet say about japan?', '2017'],
    ['summarize the 2020 sheet', '2020'],
    ['anything in the doc from 2016 about jobs?', '2016'],
  ])('GIVEN %j THEN it names a sheet of %s, which the knowledge lacks', (question, year) => {
    expect(absentSheetYear(question, documents)).toBe(year);
  });

  it.each([
    'what did the 2018 sheet say about trade?',
    'what happened in 2017?',
    'compare the 2017 and 2019 sheets',
  ])('GIVEN %j THEN it does not', (question) => {
    expect(absentSheetYear(question, documents)).toBeUndefined();
  });
});

describe('asksForTranslation', () => {
  it.each([
    'how do you say thank you in japanese? our sister city delegation visits next week',
    'how do u say good morning in japanese',
    "what's the japanese word for cheers",
    'can you translate good luck into japanese',
  ])('GIVEN %j THEN it asks for a translation', (question) => {
    expect(asksForTranslation(question)).toBe(true);
  });

  it.each([
    'What does Reiwa mean?',
    "how would you translate the name of the current emperor's reign into english",
    'what did the japanese people welcome in 2019?',
    'how do you say it?',
  ])('GIVEN %j THEN it does not', (question) => {
    expect(asksForTranslation(question)).toBe(false);
  });
});

describe('asksForOutcome and givesEstimate', () => {
  it.each([
    ['did the alabama plant actually end up hiring 4k?', 'end up'],
    ['has the trade push panned out?', 'panned out'],
    ['it ended up creating jobs?', 'ended up'],
    ['how many people would end up employed there?', undefined],
  ])('GIVEN "%s" THEN it asks what came of a plan: %s', (question, words) => {
    expect(asksForOutcome(question)).toBe(words);
  });

  it('GIVEN an estimate THEN it is not what came of it; GIVEN a fact THEN it is', () => {
    expect(givesEstimate('a plant estimated to create up to 4,000 American jobs')).toBe(true);
    expect(givesEstimate('the United Nations has passed four rounds of sanctions')).toBe(false);
  });
});
