import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { createExtractiveAnswerer } from '../../../src/core/answer/extractive-answerer.js';
import { makeDocument, makePassage } from '../../support/passages.js';

const sheet2018 = makeDocument({ id: 'doc-2018', date: '2018', displayDate: '2018' });
const sheet2019 = makeDocument({ id: 'doc-2019', date: '2019-05-25' });

function retrieved(text: string, score: number, document = sheet2019, position = 0): RetrievedPassage {
  return { passage: makePassage(text, { documentId: document.id, position }), document, score };
}

const answerer = createExtractiveAnswerer();

function ask(question: string, passages: RetrievedPassage[], crossSheet = false) {
  return answerer.answer({ question, standaloneQuestion: question, history: [], passages, crossSheet });
}

describe('extractive answerer', () => {
  it('GIVEN both sheets asked for THEN a close second line of a sheet told in one line so far joins, though it adds no new word', async () => {
    const answer = await ask(
      'what defense hardware does japan get in both sheets?',
      [
        retrieved('Japan and the U.S. share a partnership that includes defense systems.', 0.6, sheet2019, 1),
        retrieved('The U.S. approved the sale of missile defense technology to Japan.', 0.58, sheet2018, 1),
        retrieved('Japan buys the F-35 jet and other defense systems.', 0.57, sheet2019, 2),
      ],
      true,
    );
    expect(answer.text).toContain('missile defense');
    expect(answer.text).toContain('F-35');
  });

  it('GIVEN both sheets asked for THEN of the other sheet’s close passages, the one sharing most of the question’s words joins', async () => {
    const answer = await ask(
      'compare: what defense systems does Japan buy from the U.S.?',
      [
        retrieved('Japan buys U.S. defense systems such as the F-35.', 0.6, sheet2019),
        retrieved('Japan and the U.S. signed investment agreements.', 0.49, sheet2018, 1),
        retrieved('The U.S. approved the sale of missile defense systems to Japan.', 0.48, sheet2018, 2),
        retrieved('Japan hosted the U.S. President.', 0.3, sheet2018, 3),
      ],
      true,
    );
    expect(answer.text).toContain('missile defense systems');
    expect(answer.text).not.toContain('investment agreements');
  });

  it('GIVEN passages THEN it answers with the best passage’s own sentence and its marker', async () => {
    const answer = await ask('How many jobs do Japanese companies support?', [
      retrieved('Japanese companies support over 850,000 American jobs.', 0.8),
      retrieved('Toyota and Mazda invested in Alabama.', 0.4),
    ]);
    expect(answer).toEqual({
      answered: true,
      text: 'Japanese companies support over 850,000 American jobs. [1]',
    });
  });

  it('GIVEN a two-sentence passage THEN only the sentence that answers is used', async () => {
    const answer = await ask('What are both sides promoting?', [
      retrieved(
        'Since 2017, we have negotiated agreements on energy. Both sides are promoting infrastructure investments.',
        0.7,
      ),
    ]);
    expect(answer.text).toBe('Both sides are promoting infrastructure investments. [1]');
  });

  it('GIVEN a close runner-up that adds a term the question asked about THEN it joins with its own marker', async () => {
    const answer = await ask('Which companies invested and how many jobs were created in Alabama?', [
      retrieved('Toyota and Mazda are investing $1.6 billion in Alabama.', 0.8, sheet2019, 1),
      retrieved('The Alabama plant is estimated to create 4,000 jobs.', 0.78, sheet2019, 2),
    ]);
    expect(answer.text).toBe(
      'Toyota and Mazda are investing $1.6 billion in Alabama. [1] The Alabama plant is estimated to create 4,000 jobs. [2]',
    );
  });

  it('GIVEN a runner-up far behind THEN it is left out', async () => {
    const answer = await ask('What did Toyota invest?', [
      retrieved('Toyota invested $1.6 billion.', 0.9),
      retrieved('Denso invested in research.', 0.3),
    ]);
    expect(answer.text).not.toContain('[2]');
  });

  it('GIVEN a question about both sheets THEN each sheet is heard, oldest first', async () => {
    const answer = await ask(
      'What energy partnership do both fact sheets mention?',
      [
        retrieved(
          'The Japan-United States Strategic Energy Partnership grows energy markets.',
          0.8,
          sheet2019,
        ),
        retrieved(
          'The countries launched the Japan-United States Strategic Energy Partnership.',
          0.75,
          sheet2018,
        ),
      ],
      true,
    );
    expect(answer.text.indexOf('[2]')).toBeLessThan(answer.text.indexOf('[1]'));
  });

  it('GIVEN a passage that quotes someone THEN it is not cut inside the quotation', async () => {
    const quote = '"The friendship has never been closer. I truly believe it." -President Donald J. Trump';
    const answer = await ask('What did Trump say about the friendship?', [retrieved(quote, 0.9)]);
    expect(answer.text).toBe(`${quote} [1]`);
  });

  it('GIVEN someone’s words asked for and two close quotations THEN both are given, though the second names nothing new', async () => {
    const question = 'what did trump say about abe?';
    const passages = [
      retrieved('"I cherish my friendship with Prime Minister Abe." – President Trump', 0.72),
      retrieved(
        'President Trump has praised Prime Minister Abe as a "very aggressive, strong, tough Prime Minister."',
        0.7,
      ),
    ];
    const words = await answerer.answer({
      question,
      standaloneQuestion: question,
      history: [],
      passages,
      wantsWords: true,
    });
    expect(words.text).toContain('[2]');
    const plain = await ask(question, passages);
    expect(plain.text).not.toContain('[2]');
  });

  it('GIVEN no passages THEN it does not answer', async () => {
    expect((await ask('Anything?', [])).answered).toBe(false);
  });
});
