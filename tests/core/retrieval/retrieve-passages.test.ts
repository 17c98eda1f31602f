import { describe, expect, it } from 'vitest';
import { buildCorpusVocabulary } from '../../../src/core/retrieval/corpus-vocabulary.js';
import {
  createRetriever,
  routeByPhrase,
  routeByVocabulary,
  type VectorSearch,
} from '../../../src/core/retrieval/retrieve-passages.js';
import type { Passage } from '../../../src/core/types.js';
import { makeDocument, makePassage } from '../../support/passages.js';

const document = makeDocument();
const documents = new Map([[document.id, document]]);
const embedder = { embedQuery: async () => [1, 0] };

/** An index whose "vector" scores are fixed per passage, and that only ever returns its top `reach`. */
function fakeIndex(
  scores: Map<Passage, number>,
  reach: number,
): VectorSearch & { searchedWithFilter: boolean } {
  const index = {
    searchedWithFilter: false,
    searchByVector(_vector: number[], k: number, filter?: (passage: Passage) => boolean) {
      if (filter !== undefined) index.searchedWithFilter = true;
      return [...scores]
        .filter(([passage]) => filter === undefined || filter(passage))
        .sort((a, b) => b[1] - a[1])
        .slice(0, Math.min(k, reach))
        .map(([passage, score]) => ({ passage, score }));
    },
    similarityTo(_vector: number[], passages: readonly Passage[]) {
      return passages.map((passage) => scores.get(passage) ?? Number.NaN);
    },
  };
  return index;
}

describe('createRetriever', () => {
  it('GIVEN near-copies that outscore the real passage on cosine THEN the rare shared word ranks it first', async () => {
    const real = makePassage(
      'Through investment and hiring, Japanese companies support over 850,000 American jobs.',
    );
    const copies = Array.from({ length: 60 }, (_, i) =>
      makePassage(`Partner${i} companies support over ${1000 + i} American jobs.`),
    );
    const passages = [real, ...copies];
    const scores = new Map<Passage, number>([
      [real, 0.6],
      ...copies.map((copy): [Passage, number] => [copy, 0.7]),
    ]);
    const retriever = createRetriever(
      fakeIndex(scores, 48),
      embedder,
      documents,
      buildCorpusVocabulary(passages),
      passages,
    );
    const [best] = await retriever.retrieve('How many American jobs do Japanese companies support?', 3);
    expect(best?.passage).toBe(real);
  });

  it('GIVEN a document filter THEN only that document’s passages come back, even ones the graph ranks low', async () => {
    const other = makeDocument({ id: 'doc-2018', date: '2018' });
    const mine = makePassage('Space cooperation and the Moon.', { documentId: other.id });
    const rest = Array.from({ length: 10 }, (_, i) => makePassage(`Energy item ${i}.`));
    const passages = [mine, ...rest];
    const index = fakeIndex(
      new Map(passages.map((passage, i): [Passage, number] => [passage, 0.9 - i * 0.01])),
      48,
    );
    const retriever = createRetriever(
      index,
      embedder,
      new Map([...documents, [other.id, other]]),
      buildCorpusVocabulary(passages),
      passages,
    );
    const results = await retriever.retrieve('moon', 5, { documentIds: [other.id] });
    expect(results.map((result) => result.passage)).toEqual([mine]);
  });

  it('scores exact term matches above a passage that is only similar', async () => {
    const exact = makePassage('The Reiwa era means beautiful harmony.');
    const similar = makePassage('A new era of partnership begins.');
    const passages = [exact, similar];
    const retriever = createRetriever(
      fakeIndex(
        new Map([
          [exact, 0.6],
          [similar, 0.62],
        ]),
        48,
      ),
      embedder,
      documents,
      buildCorpusVocabulary(passages),
      passages,
    );
    const [best] = await retriever.retrieve('What does Reiwa mean?', 2);
    expect(best?.passage).toBe(exact);
  });

  it('GIVEN an archive where only a few sheets are titled after the subject THEN those sheets are searched too and win', async () => {
    const partners = Array.from({ length: 30 }, (_, i) =>
      makeDocument({ id: `sheet-${i}`, title: `The United States and Partner${i}` }),
    );
    const japan = makeDocument({ id: 'sheet-japan', title: 'The United States and Japan' });
    const real = makePassage('The sale of missile defense technology to Japan was approved.', {
      documentId: japan.id,
    });
    const copies = partners.map((partner, i) =>
      makePassage(`The sale of missile defense technology to Partner${i} was approved.`, {
        documentId: partner.id,
      }),
    );
    const passages = [real, ...copies];
    const scores = new Map<Passage, number>([
      [real, 0.6],
      ...copies.map((copy): [Passage, number] => [copy, 0.65]),
    ]);
    const retriever = createRetriever(
      fakeIndex(scores, 10),
      embedder,
      new Map([japan, ...partners].map((doc) => [doc.id, doc])),
      buildCorpusVocabulary(passages),
      passages,
    );
    const [best] = await retriever.retrieve('Did Japanese forces get missile defense technology?', 3);
    expect(best?.passage).toBe(real);
  });

  it('GIVEN a title word that begins with the question word ("Japanese" sheets, "japan" asked) THEN those sheets are routed too', async () => {
    const partners = Array.from({ length: 30 }, (_, i) =>
      makeDocument({ id: `sheet-${i}`, title: `Partner${i} Cooperation` }),
    );
    const japan = makeDocument({ id: 'sheet-japan', title: 'Japanese Cooperation' });
    const real = makePassage('Missile defense technology sales were approved.', { documentId: japan.id });
    const copies = partners.map((partner, i) =>
      makePassage(`Missile defense technology sales to Partner${i} were approved.`, {
        documentId: partner.id,
      }),
    );
    const passages = [real, ...copies];
    const scores = new Map<Passage, number>([
      [real, 0.6],
      ...copies.map((copy): [Passage, number] => [copy, 0.65]),
    ]);
    const retriever = createRetriever(
      fakeIndex(scores, 10),
      embedder,
      new Map([japan, ...partners].map((doc) => [doc.id, doc])),
      buildCorpusVocabulary(passages),
      passages,
    );
    const [best] = await retriever.retrieve('what missile defense technology did japan get', 3);
    expect(best?.passage).toBe(real);
  });
});

describe('createRetriever vocabulary routing', () => {
  /** 30 partners' sheets, each with a near-copy of the answer; Japan's sheet says "Tokyo" elsewhere only. */
  function archive() {
    const partners = Array.from({ length: 30 }, (_, i) =>
      makeDocument({ id: `sheet-${i}`, title: `A Close Friendship ${i}` }),
    );
    const japan = makeDocument({ id: 'sheet-japan', title: 'A Close Friendship' });
    const real = makePassage('The sale of missile defense technology to Japan was approved.', {
      documentId: japan.id,
    });
    const visit = makePassage('The President visited Tokyo in November.', { documentId: japan.id });
    const copies = partners.map((partner, i) =>
      makePassage(`The sale of missile defense technology to Partner${i} was approved.`, {
        documentId: partner.id,
      }),
    );
    const passages = [real, visit, ...copies];
    const scores = new Map<Passage, number>([
      [real, 0.6],
      [visit, 0.3],
      ...copies.map((copy): [Passage, number] => [copy, 0.65]),
    ]);
    return { japan, partners, real, passages, scores };
  }

  it('GIVEN an archive where one sheet says "Tokyo" THEN its answer outranks near-copies that never do', async () => {
    const { japan, partners, real, passages, scores } = archive();
    const retriever = createRetriever(
      fakeIndex(scores, 10),
      embedder,
      new Map([japan, ...partners].map((doc) => [doc.id, doc])),
      buildCorpusVocabulary(passages),
      passages,
    );
    const [best] = await retriever.retrieve(
      'Has Washington agreed to sell Tokyo missile defense technology?',
      3,
    );
    expect(best?.passage).toBe(real);
  });

  it('GIVEN a year the sheets are dated in THEN the one sheet whose text uses the number is not routed to', async () => {
    const { japan, partners, real, passages, scores } = archive();
    // Every sheet is dated 2019 (makeDocument's default); one partner's copy happens to say "2019" too.
    const dated = makePassage('The sale of missile defense technology to Partner0 was approved in 2019.', {
      documentId: partners[0]!.id,
    });
    const all = [...passages, dated];
    const retriever = createRetriever(
      fakeIndex(new Map([...scores, [dated, 0.6]]), 10),
      embedder,
      new Map([japan, ...partners].map((doc) => [doc.id, doc])),
      buildCorpusVocabulary(all),
      all,
    );
    const [best] = await retriever.retrieve(
      'Did the 2019 sheet say Tokyo got missile defense technology?',
      3,
    );
    expect(best?.passage).toBe(real);
  });

  it('routes only archives (20 documents or more), and only by words few of their documents use', () => {
    const { passages } = archive();
    const { postings } = buildCorpusVocabulary(passages);
    const wanted = (...terms: string[]) => terms.map((term) => ({ term }));
    expect([...routeByVocabulary(wanted('tokyo'), postings, passages, 31)]).toEqual(['sheet-japan']);
    // Every sheet uses "missil": it tells no sheet from another.
    expect(routeByVocabulary(wanted('missil'), postings, passages, 31).size).toBe(0);
    // Two sheets: a word used by one of them says nothing about which is meant.
    expect(routeByVocabulary(wanted('tokyo'), postings, passages, 2).size).toBe(0);
    expect(routeByVocabulary(wanted('kyoto'), postings, passages, 31).size).toBe(0);
  });
});

describe('createRetriever phrase routing', () => {
  /**
   * 30 partners' sheets about other things, five of them naming their own energy programmes; only Japan's
   * says "Energy Partnership". The two words meet in 6 of 126 passages, few enough to be checked.
   */
  function archive() {
    const partners = Array.from({ length: 30 }, (_, i) =>
      makeDocument({ id: `sheet-${i}`, title: `Sheet ${i}` }),
    );
    const japan = makeDocument({ id: 'sheet-japan', title: 'Sheet' });
    const real = makePassage(
      'The two countries cooperate through the Strategic Energy Partnership, a partnership to grow energy markets.',
      { documentId: japan.id },
    );
    const copies = partners
      .slice(0, 5)
      .map((partner, i) =>
        makePassage(
          `The two countries cooperate through the Energy Security Initiative${i}, a partnership to grow energy markets.`,
          { documentId: partner.id },
        ),
      );
    const others = partners.flatMap((partner, i) =>
      Array.from({ length: 4 }, (_, j) =>
        makePassage(`Partner${i} and the United States trade goods, item ${j}.`, { documentId: partner.id }),
      ),
    );
    const passages = [real, ...copies, ...others];
    const scores = new Map<Passage, number>([
      [real, 0.6],
      ...copies.map((copy): [Passage, number] => [copy, 0.65]),
      ...others.map((other): [Passage, number] => [other, 0.2]),
    ]);
    return { documents: new Map([japan, ...partners].map((doc) => [doc.id, doc])), real, passages, scores };
  }

  it('GIVEN two words only one sheet writes side by side THEN its passage outranks near-copies using them apart', async () => {
    const { documents: byId, real, passages, scores } = archive();
    const retriever = createRetriever(
      fakeIndex(scores, 10),
      embedder,
      byId,
      buildCorpusVocabulary(passages),
      passages,
    );
    const [best] = await retriever.retrieve('What energy partnership do the sheets mention?', 3);
    expect(best?.passage).toBe(real);
  });

  it('routes by words side by side in both texts, across case, hyphens and word endings', () => {
    const { passages } = archive();
    const { postings } = buildCorpusVocabulary(passages);
    expect([...routeByPhrase('any energy partnerships?', postings, passages, 31)]).toEqual(['sheet-japan']);
    expect([...routeByPhrase('the Energy-Partnership', postings, passages, 31)]).toEqual(['sheet-japan']);
    // Every sheet says "energy markets": it tells no sheet from another.
    expect(routeByPhrase('energy markets', postings, passages, 31).size).toBe(0);
    // Side by side in the question only ("partnership … energy" in every sheet, never "partnership energy").
    expect(routeByPhrase('partnership energy', postings, passages, 31).size).toBe(0);
    // A handful of sheets: nothing is routed.
    expect(routeByPhrase('energy partnership', postings, passages, 2).size).toBe(0);
  });
});

describe('createRetriever term sets', () => {
  it('GIVEN more passages scored than it keeps term sets for THEN a question still ranks as it did the first time', async () => {
    // 5,000 distinct passages, each question scoring 48 of them: 5,000 > the 4,096 term sets kept.
    const passages = Array.from({ length: 5_000 }, (_, i) =>
      makePassage(`Topic${i} cooperation on item${i % 97} and program${i % 89} with partner${i % 7}.`),
    );
    const scores = new Map<Passage, number>(passages.map((passage, i) => [passage, 0.5 + (i % 1000) / 5000]));
    const retriever = createRetriever(
      fakeIndex(scores, 48),
      embedder,
      documents,
      buildCorpusVocabulary(passages),
      passages,
    );
    const ask = async (question: string) =>
      (await retriever.retrieve(question, 6)).map((hit) => [hit.passage.id, hit.score]);
    const first = await ask('What about item5 and program7 with partner3?');
    // Other questions touch every passage's terms (the lexical channel brings in each item's passages).
    for (let i = 0; i < 97; i += 1) await ask(`Anything on item${i} or program${i % 89}?`);
    expect(await ask('What about item5 and program7 with partner3?')).toEqual(first);
  });
});
