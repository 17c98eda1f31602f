import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../../src/core/answer/answerer.js';
import { lacksAskedQuantity, preferUnsaid } from '../../../src/core/service/answer-shape.js';
import { makeDocument, makePassage } from '../../support/passages.js';

const document = makeDocument();
const retrieved = (text: string): RetrievedPassage => ({ passage: makePassage(text), document, score: 0.8 });

describe('lacksAskedQuantity', () => {
  it('GIVEN "how many" and passages without an amount THEN the question is not answered by them', () => {
    const passages = [retrieved('President Trump spoke to American and Japanese troops at Yokota Airbase.')];
    expect(lacksAskedQuantity('How many American troops are stationed in Japan?', passages)).toBe(true);
  });

  it('GIVEN an amount in digits or words THEN the passage can answer', () => {
    expect(
      lacksAskedQuantity('How many jobs?', [retrieved('They support over 850,000 American jobs.')]),
    ).toBe(false);
    expect(
      lacksAskedQuantity('How many rounds of sanctions?', [
        retrieved('The UN passed four rounds of sanctions.'),
      ]),
    ).toBe(false);
  });

  it('GIVEN a question that asks for no amount THEN nothing is required', () => {
    expect(lacksAskedQuantity('What does Reiwa mean?', [retrieved('Reiwa means beautiful harmony.')])).toBe(
      false,
    );
  });
});

describe('preferUnsaid', () => {
  const september = retrieved(
    'In September 2017, U.S. bombers joined Japanese and South Korean air forces for joint exercises.',
  );
  const december = retrieved(
    'In December and October 2017, the militaries conducted joint ballistic missile defense exercises.',
  );
  const history = [
    { role: 'user' as const, text: 'What happened in September 2017?' },
    {
      role: 'assistant' as const,
      text: 'U.S. bombers joined Japanese and South Korean air forces for joint exercises [1].',
    },
  ];

  it('GIVEN "any other…?" THEN passages the last answer already quoted move behind the rest', () => {
    expect(
      preferUnsaid('Were there any other joint drills that year?', history, [september, december]),
    ).toEqual([december, september]);
  });

  it('GIVEN a follow-up that does not ask for something else THEN the order is kept', () => {
    expect(preferUnsaid('Which air forces took part?', history, [september, december])).toEqual([
      september,
      december,
    ]);
  });
});
