import { describe, expect, it } from 'vitest';

import {
  leadWithDefinition,
  overviewLines,
  reachForAskedFact,
  topicOnly,
} from '../../../src/core/pipeline/compose.js';
import type { Reading } from '../../../src/core/pipeline/interpret.js';
import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import type { KnowledgeBase } from '../../../src/core/types.js';
import { makeDocument, makePassage, makeRetrieved } from '../../support/passages.js';

const hit = makeRetrieved;
const reading = (question: string) => ({ question, statedNumbers: [] }) as unknown as Reading;

const congratulates = hit('The President congratulates Japan on their new era of Reiwa.', 0.7);
const defines = hit('Japan welcomed the new Imperial Era of "Reiwa," which means "beautiful harmony."', 0.65);

describe('leadWithDefinition', () => {
  it.each(['what is reiwa?', "what's reiwa", 'whats reiwa', 'smh whats reiwa', 'reiwa?'])(
    'GIVEN "%s" THEN the passage that says what Reiwa means leads',
    (question) => {
      expect(leadWithDefinition(reading(question), [congratulates, defines])[0]).toBe(defines);
    },
  );

  it('GIVEN chat words before the question ("pls what even is reiwa") THEN it still asks what Reiwa means', () => {
    expect(leadWithDefinition(reading('pls what even is reiwa'), [congratulates, defines])[0]).toBe(defines);
  });

  it('GIVEN a question that is not after a meaning THEN the order is kept', () => {
    expect(
      leadWithDefinition(reading('did trump congratulate japan on reiwa?'), [congratulates, defines])[0],
    ).toBe(congratulates);
  });

  it('GIVEN a defining passage far behind THEN the order is kept', () => {
    const far = hit('"Reiwa," which means "beautiful harmony."', 0.3);
    expect(leadWithDefinition(reading('what is reiwa?'), [congratulates, far])[0]).toBe(congratulates);
  });
});

describe('overviewLines for a topic', () => {
  const document = makeDocument();
  const inSection = (text: string, section: string, position: number, score: number): RetrievedPassage => ({
    passage: makePassage(text, { section, position }),
    document,
    score,
  });
  const pressure = inSection(
    'A campaign of maximum pressure against North Korea.',
    'DENUCLEARIZING',
    10,
    0.62,
  );
  const sanctions = inSection('Four rounds of sanctions against North Korea.', 'DENUCLEARIZING', 11, 0.6);
  const missiles = inSection('The sale of missile defense technology to Japan.', 'DENUCLEARIZING', 12, 0.55);
  const abductees = inSection(
    'Families of Japanese nationals abducted by North Korea.',
    'A CLOSE FRIENDSHIP',
    3,
    0.53,
  );
  const far = inSection('Toyota and Mazda invest $1.6 billion.', 'SHARED PROSPERITY', 6, 0.3);
  const knowledge: KnowledgeBase = {
    documents: [document],
    passages: [pressure, sanctions, missiles, abductees, far].map((item) => item.passage),
    quotations: [],
    fingerprint: 'test',
  };
  const topical = {
    question: 'tl;dr on north korea',
    standalone: 'tl;dr on north korea',
    hasTopic: true,
    crossSheet: false,
  } as unknown as Reading;

  it('GIVEN a topic told in several lines of one section THEN up to three of them are shown, in the sheet’s order', () => {
    const lines = overviewLines(knowledge, topical, [pressure, sanctions, missiles, abductees, far]);
    expect(lines.map((line) => line.passage)).toEqual([
      abductees.passage,
      pressure.passage,
      sanctions.passage,
      missiles.passage,
    ]);
  });

  it('GIVEN a passage far below the best THEN it is not part of the overview', () => {
    const lines = overviewLines(knowledge, topical, [pressure, far]);
    expect(lines.map((line) => line.passage)).toEqual([pressure.passage]);
  });

  it('GIVEN the topic’s own search finds fewer than three lines THEN the question’s search fills it up', () => {
    const lines = overviewLines(knowledge, topical, [pressure], {
      fillFrom: [abductees, sanctions, missiles],
    });
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.passage)).toContain(abductees.passage);
  });
});

describe('topicOnly', () => {
  const term = (word: string, kind: string, via?: string) => ({
    term: { word, token: word, stem: word },
    kind,
    ...(via === undefined ? {} : { via }),
  });

  it('GIVEN a long overview request THEN the search is the topic’s words alone, misspellings as the sheets spell them', () => {
    const request = {
      standalone: 'tl;dr of everything the fact sheets say about north korea pls',
      coverage: [
        term('tl;dr', 'filler'),
        term('north', 'exact'),
        term('koreaa', 'typo', 'korea'),
        term('pls', 'missing'),
      ],
    } as unknown as Reading;
    expect(topicOnly(request).standalone).toBe('north korea');
  });

  it('GIVEN no topic word the sheets use THEN the reading is kept', () => {
    const request = { standalone: 'whatever', coverage: [term('whatever', 'missing')] } as unknown as Reading;
    expect(topicOnly(request)).toBe(request);
  });
});

describe('reachForAskedFact', () => {
  const first = hit('Abe was the first world leader to seek and arrange a meeting with Trump.', 0.6);
  const friendship = hit('Trump and Abe have developed an enduring friendship and trust.', 0.58);
  const meetings = hit('They have held nearly 30 official meetings and phone conversations.', 0.5);
  const sanctions = hit('The United Nations has passed four rounds of sanctions against North Korea.', 0.5);
  const usedIn = (counts: Record<string, number>) => (stem: string) => counts[stem] ?? 0;
  const counting = (question: string) =>
    ({ question, asks: 'count', statedNumbers: [] }) as unknown as Reading;

  it('GIVEN a count asked and none near the best THEN the passage further down that counts what was asked leads', () => {
    const order = reachForAskedFact(
      counting('and how many times have they met since?'),
      [first, friendship, meetings],
      usedIn({ meet: 3 }),
    );
    expect(order[0]).toBe(meetings);
  });

  it('GIVEN a number that counts something else THEN the order is kept ("four rounds of sanctions" for abductees)', () => {
    const order = reachForAskedFact(
      counting('how many japanese citizens were abducted in total?'),
      [first, friendship, sanctions],
      usedIn({ abduct: 1, citizen: 1 }),
    );
    expect(order[0]).toBe(first);
  });

  it('GIVEN a word of the question used all over the sheets THEN it does not reach ("Japan")', () => {
    const order = reachForAskedFact(
      counting('how many times has japan met them?'),
      [first, friendship, meetings],
      usedIn({ japan: 40, meet: 40 }),
    );
    expect(order[0]).toBe(first);
  });

  it('GIVEN a passage far below the best THEN it does not lead', () => {
    const low = hit('They have held nearly 30 official meetings and phone conversations.', 0.2);
    const order = reachForAskedFact(
      counting('how many times have they met?'),
      [first, low],
      usedIn({ meet: 3 }),
    );
    expect(order[0]).toBe(first);
  });
});
