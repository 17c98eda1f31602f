import { describe, expect, it } from 'vitest';

import { leadWithDefinition } from '../../../src/core/pipeline/compose.js';
import type { Reading } from '../../../src/core/pipeline/interpret.js';
import { makeRetrieved } from '../../support/passages.js';

const hit = makeRetrieved;
const reading = (question: string) => ({ question, statedNumbers: [] }) as unknown as Reading;

const congratulates = hit('The President congratulates Japan on their new era of Reiwa.', 0.7);
const defines = hit('Japan welcomed the new Imperial Era of "Reiwa," which means "beautiful harmony."', 0.65);

describe('leadWithDefinition', () => {
  it.each(['what is reiwa?', "what's reiwa", 'reiwa?'])(
    'GIVEN "%s" THEN the passage that says what Reiwa means leads',
    (question) => {
      expect(leadWithDefinition(reading(question), [congratulates, defines])[0]).toBe(defines);
    },
  );

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
