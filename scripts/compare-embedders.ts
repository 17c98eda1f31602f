/**
 * Development tool: compares offline embedder variants on hand-written questions about the two fact
 * sheets (brute-force cosine search over the sheets' lines) and measures embedding and HNSW build speed.
 * Used to choose the defaults of `OfflineEmbeddings`; not part of the product.
 *
 * ```sh
 * npx tsx scripts/compare-embedders.ts [--knowledge /work/shared/knowledge] [--table FILE] [--skip-quality] [--speed] [--hnsw [--hnsw-count N]]
 * ```
 * The passages are the sheets' non-empty lines with any "HEADING: " prefix removed (a crude stand-in for
 * the real loader in src/core/knowledge/). Questions are paraphrases, typos and direct questions; each
 * lists substrings identifying the passage(s) that answer it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { HashedNgramEmbeddings } from '../src/core/embeddings/hashed-ngram-embeddings.js';
import type { LocalTextEmbeddings } from '../src/core/embeddings/local-text-embeddings.js';
import {
  OFFLINE_EMBEDDINGS_DEFAULTS,
  OfflineEmbeddings,
  type OfflineEmbeddingsOptions,
} from '../src/core/embeddings/offline-embeddings.js';
import { toNumberArray } from '../src/core/embeddings/vector-math.js';
import { WordVectorEmbeddings } from '../src/core/embeddings/word-vector-embeddings.js';
import { defaultWordVectorTable, WordVectorTable } from '../src/core/embeddings/word-vector-table.js';
import { contentTerms } from '../src/core/text/content-terms.js';

export interface Probe {
  readonly question: string;
  /** Substrings of the answering passage(s); any one counts. */
  readonly answers: readonly string[];
  readonly style: 'direct' | 'paraphrase' | 'typo';
}

export const PROBES: readonly Probe[] = [
  {
    style: 'paraphrase',
    question: 'How many American jobs do Japanese firms support?',
    answers: ['850,000 American jobs'],
  },
  {
    style: 'paraphrase',
    question: 'Which Japanese carmakers have put money into US factories?',
    answers: ['Toyota, Mazda, Honda, and Denso'],
  },
  {
    style: 'typo',
    question: 'How much did Toyata and Mazda invest in the Alabama plant?',
    answers: ['$1.6 billion towards'],
  },
  {
    style: 'typo',
    question: 'What has been done about the denuclearisation of North Korea?',
    answers: ['to achieve denuclearization of the Peninsula', 'campaign of maximum pressure'],
  },
  {
    style: 'direct',
    question: 'How many rounds of UN sanctions were passed against North Korea?',
    answers: ['four rounds of sanctions'],
  },
  {
    style: 'typo',
    question: 'What does the name of the new Japanese era Riewa mean?',
    answers: ['which means "beautiful harmony."'],
  },
  {
    style: 'direct',
    question: 'Did the US sell missile defense technology to Japan?',
    answers: ['approved the sale of advanced missile defense technology'],
  },
  {
    style: 'paraphrase',
    question: 'Which stealth fighter plane does Japan buy from America?',
    answers: ['F-35 jet'],
  },
  {
    style: 'paraphrase',
    question: 'What did Trump promise the relatives of kidnapped Japanese citizens?',
    answers: ['families of Japanese nationals abducted'],
  },
  {
    style: 'direct',
    question: 'How large is Japanese foreign direct investment in the United States?',
    answers: ['third largest source of Foreign Direct Investment'],
  },
  {
    style: 'paraphrase',
    question: 'Who was the first foreign head of government to meet Trump after he won in 2016?',
    answers: ['first world leader to seek'],
  },
  {
    style: 'paraphrase',
    question: 'How often have Trump and Abe met or talked by telephone?',
    answers: ['nearly 30 official meetings'],
  },
  {
    style: 'paraphrase',
    question: 'How did Trump describe Abe as a leader?',
    answers: ['very aggressive, strong, [and] tough'],
  },
  {
    style: 'typo',
    question: 'Which womens conference did Ivanka Trump adress in Tokyo?',
    answers: ['World Assembly for Women'],
  },
  {
    style: 'paraphrase',
    question: 'Where did Trump speak to American and Japanese soldiers?',
    answers: ['Yokota Airbase'],
  },
  {
    style: 'paraphrase',
    question: 'What joint military drills were held with South Korea at the end of 2017?',
    answers: ['In December and October 2017'],
  },
  {
    style: 'paraphrase',
    question: 'What happened after Pyongyang fired a rocket over Japan?',
    answers: ['in response to a North Korean ballistic missile launch over Japan'],
  },
  {
    style: 'direct',
    question: 'What agreements did OPIC sign with JBIC and NEXI?',
    answers: ['Overseas Private Investment Corporation (OPIC) signed'],
  },
  {
    style: 'paraphrase',
    question: 'How are the two countries bringing affordable electricity to Southeast Asia and Africa?',
    answers: ['Strategic Energy Partnership to promote universal access'],
  },
  {
    style: 'paraphrase',
    question: 'Are the US and Japan working together on going back to the lunar surface?',
    answers: ["NASA's return to the Moon"],
  },
  {
    style: 'paraphrase',
    question: 'What is being done about cybersecurity and protecting sensitive data?',
    answers: ['cyberspace adheres'],
  },
  {
    style: 'paraphrase',
    question: 'Is a bilateral trade deal being negotiated?',
    answers: ['enter into negotiations for a United States-Japan Trade Agreement'],
  },
  {
    style: 'paraphrase',
    question: 'Are American troops stationed in Japan being repositioned?',
    answers: ['realigning its Armed Forces'],
  },
  {
    style: 'paraphrase',
    question: 'What are they doing against bribery and for youth leadership?',
    answers: ['championing young leaders'],
  },
  {
    style: 'paraphrase',
    question: 'What about ocean navigation rules and disaster resilience?',
    answers: ['rules-based maritime order'],
  },
  {
    style: 'direct',
    question: 'What did the Trade and Development Agency sign with METI?',
    answers: ['Memorandum of Cooperation to bring high-quality energy'],
  },
  {
    style: 'typo',
    question: 'Tell me about the maximum presure campain against North Korea',
    answers: ['campaign of maximum pressure'],
  },
  {
    style: 'paraphrase',
    question: 'Did Japanese corporations create employment in America?',
    answers: ['850,000 American jobs', 'invested billions of dollars into American factories'],
  },
  {
    style: 'typo',
    question: 'What has Denzo invested in the United States?',
    answers: ['Toyota, Mazda, Honda, and Denso'],
  },
  {
    style: 'paraphrase',
    question: 'What did Abe say about how close the two leaders are?',
    answers: ['over the half-century history'],
  },
  {
    style: 'direct',
    question: 'What does the Japan-United States Strategic Energy Partnership aim to do for energy markets?',
    answers: ['grow sustainable and secure energy markets'],
  },
  {
    style: 'typo',
    question: 'Did Trump congradulate Japan on the Reiwa era?',
    answers: ['congratulate Japan on their new era of Reiwa'],
  },
  {
    style: 'direct',
    question: 'How many official meetings and phone conversations have Trump and Abe held?',
    answers: ['nearly 30 official meetings'],
  },
  {
    style: 'direct',
    question: 'What did Trump praise Toyota and Mazda for in his State of the Union address?',
    answers: ['$1.6 billion towards'],
  },
  {
    style: 'direct',
    question: 'Which bombers joined the joint exercises in September 2017?',
    answers: ['B-1 bombers'],
  },
  { style: 'direct', question: 'What does Reiwa mean?', answers: ['which means "beautiful harmony."'] },
  {
    style: 'direct',
    question: 'What does the partnership in digital economy ensure?',
    answers: ['cyberspace adheres'],
  },
  {
    style: 'direct',
    question: 'Who did Abe invite to deliver keynote remarks at the World Assembly for Women?',
    answers: ['World Assembly for Women'],
  },
  {
    style: 'direct',
    question: 'What did President Trump pledge to the people of Japan?',
    answers: ['pledged to protect the people of Japan'],
  },
  {
    style: 'direct',
    question: 'Is the United States committed to realigning its Armed Forces in Japan?',
    answers: ['realigning its Armed Forces'],
  },
  {
    style: 'direct',
    question: 'How much was total Japanese FDI in the United States in 2016?',
    answers: ['$424 billion'],
  },
  {
    style: 'direct',
    question: 'What kind of infrastructure investments are both sides promoting?',
    answers: ['high quality and transparent infrastructure investments'],
  },
  {
    style: 'direct',
    question: 'What network is anchored by the United States-Japan Alliance?',
    answers: ['network of alliances and partnerships'],
  },
  {
    style: 'direct',
    question: 'What have Trump and Abe said about demand-driven growth and fair trade?',
    answers: ['demand-driven growth and fair trade'],
  },
  {
    style: 'direct',
    question: 'What does President Trump recommit the United States to?',
    answers: ['recommits the United States'],
  },
  {
    style: 'direct',
    question: 'Who have the President and the First Lady met?',
    answers: ['families of Japanese nationals abducted'],
  },
  {
    style: 'direct',
    question: 'What did President Trump say about his friendship with Prime Minister Abe?',
    answers: ['I cherish my friendship with Prime Minister Abe'],
  },
];

const HEADING_PREFIX = /^[A-Z][A-Z ,'-]+:\s*/;

export function loadPassages(knowledgeDir: string): string[] {
  const passages: string[] = [];
  for (const file of readdirSync(knowledgeDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    for (const line of readFileSync(join(knowledgeDir, file), 'utf8').split('\n')) {
      const text = line.trim().replace(HEADING_PREFIX, '');
      if (text.length > 0) passages.push(text);
    }
  }
  return passages;
}

export interface Score {
  readonly top1: number;
  readonly top3: number;
  /** Rank-1 share per question style. */
  readonly top1ByStyle: Record<Probe['style'], number>;
  readonly misses: string[];
}

/** Rank (0-based) of the best answering passage for each probe, given a score function. */
export function evaluate(passages: readonly string[], scoreAll: (question: string) => Float64Array): Score {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  const hitsByStyle = { direct: 0, paraphrase: 0, typo: 0 };
  for (const probe of PROBES) {
    const answerIds = passages.flatMap((passage, id) =>
      probe.answers.some((answer) => passage.includes(answer)) ? [id] : [],
    );
    if (answerIds.length === 0) throw new Error(`no passage answers "${probe.question}"`);
    const scores = scoreAll(probe.question);
    const best = Math.max(...answerIds.map((id) => scores[id] ?? -Infinity));
    const rank = [...scores].filter((score, id) => score > best && !answerIds.includes(id)).length;
    if (rank === 0) {
      top1 += 1;
      hitsByStyle[probe.style] += 1;
    }
    if (rank < 3) top3 += 1;
    else misses.push(`${probe.style}: ${probe.question}`);
  }
  const share = (style: Probe['style']): number =>
    hitsByStyle[style] / PROBES.filter((probe) => probe.style === style).length;
  return {
    top1: top1 / PROBES.length,
    top3: top3 / PROBES.length,
    top1ByStyle: { direct: share('direct'), paraphrase: share('paraphrase'), typo: share('typo') },
    misses,
  };
}

export function embeddingScorer(
  embedder: LocalTextEmbeddings,
  passages: readonly string[],
): (question: string) => Float64Array {
  const vectors = passages.map((passage) => embedder.embedText(passage, 'document'));
  return (question) => {
    const query = embedder.embedText(question, 'query');
    return Float64Array.from(vectors, (vector) =>
      vector.reduce((sum, value, index) => sum + value * (query[index] ?? 0), 0),
    );
  };
}

/** Stemmed BM25 (k1 1.2, b 0.75) over the same passages, as the lexical reference. */
function bm25Scorer(passages: readonly string[]): (question: string) => Float64Array {
  const docs = passages.map(contentTerms);
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length;
  const documentFrequency = new Map<string, number>();
  for (const doc of docs)
    for (const term of new Set(doc)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return (question) =>
    Float64Array.from(docs, (doc) => {
      let score = 0;
      for (const term of new Set(contentTerms(question))) {
        const tf = doc.filter((candidate) => candidate === term).length;
        if (tf === 0) continue;
        const df = documentFrequency.get(term) ?? 0;
        const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
        score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * doc.length) / averageLength));
      }
      return score;
    });
}

function compareQuality(passages: readonly string[], table: WordVectorTable): void {
  const variants: [string, () => (question: string) => Float64Array][] = [
    ['bm25 (stemmed)', () => bm25Scorer(passages)],
    ['words alone', () => embeddingScorer(new WordVectorEmbeddings({ table }), passages)],
    [
      'words, no typo correction',
      () => embeddingScorer(new WordVectorEmbeddings({ table, minCorrectionLength: 1000 }), passages),
    ],
    ['words sifA 1e-4', () => embeddingScorer(new WordVectorEmbeddings({ table, sifA: 1e-4 }), passages)],
    ['words sifA 1e-2', () => embeddingScorer(new WordVectorEmbeddings({ table, sifA: 1e-2 }), passages)],
  ];
  for (const dimensions of [128, 256, 384, 512, 1024]) {
    variants.push([
      `hashed ${dimensions}`,
      () => embeddingScorer(new HashedNgramEmbeddings({ table, dimensions }), passages),
    ]);
  }
  variants.push([
    'hashed 384, no typo correction',
    () => embeddingScorer(new HashedNgramEmbeddings({ table, minCorrectionLength: 1000 }), passages),
  ]);
  // The default, then one parameter changed at a time.
  const offline = (overrides: OfflineEmbeddingsOptions) => () =>
    embeddingScorer(new OfflineEmbeddings({ table, ...overrides }), passages);
  const defaults = OFFLINE_EMBEDDINGS_DEFAULTS;
  variants.push([`offline defaults (${defaults.hashedDimensions}+${table.dimensions})`, offline({})]);
  for (const hashedShare of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    variants.push([`offline hashedShare ${hashedShare}`, offline({ hashedShare })]);
  for (const priorSmoothing of [10, 30, 300, 1000])
    variants.push([`offline priorSmoothing ${priorSmoothing}`, offline({ priorSmoothing })]);
  for (const ngramWeight of [0.5, 1, 2])
    variants.push([`offline ngramWeight ${ngramWeight}`, offline({ ngramWeight })]);
  variants.push(['offline n-grams 3–4', offline({ maxNgram: 4 })]);
  variants.push(['offline n-grams 2–5', offline({ minNgram: 2 })]);
  for (const sifA of [1e-4, 1e-3, 1e-2]) variants.push([`offline sifA ${sifA}`, offline({ sifA })]);
  variants.push(['offline no typo correction', offline({ minCorrectionLength: 1000 })]);
  variants.push(['offline correction from 4 letters', offline({ minCorrectionLength: 4 })]);

  compareHashedDimensions(passages, table);
  console.log(`${PROBES.length} questions over ${passages.length} passages (brute-force cosine)`);
  const styleCounts = (['direct', 'paraphrase', 'typo'] as const).map(
    (style) => `${PROBES.filter((probe) => probe.style === style).length} ${style}`,
  );
  console.log(`questions: ${styleCounts.join(', ')}`);
  console.log('variant'.padEnd(40), 'rank-1', ' rank-3', '  rank-1 direct/paraphrase/typo');
  for (const [name, makeScorer] of variants) {
    const score = evaluate(passages, makeScorer());
    const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
    const byStyle = [score.top1ByStyle.direct, score.top1ByStyle.paraphrase, score.top1ByStyle.typo]
      .map(percent)
      .join(' / ');
    console.log(
      name.padEnd(40),
      percent(score.top1).padStart(6),
      percent(score.top3).padStart(7),
      `  ${byStyle}`,
    );
    if (name.startsWith('offline defaults'))
      for (const miss of score.misses) console.log(`    miss@3 ${miss}`);
  }
}

/**
 * Hashed block sizes, each averaged over several hash seeds: with 47 questions one seed's collisions can
 * move rank-1 accuracy by a few points, which would otherwise pass for an effect of the size.
 */
function compareHashedDimensions(passages: readonly string[], table: WordVectorTable): void {
  const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
  console.log(`offline embedder by hashed dimensions, mean over hash seeds ${seeds.join(', ')}:`);
  for (const hashedDimensions of [128, 192, 256, 320, 384, 512, 768]) {
    const scores = seeds.map((hashSeed) =>
      evaluate(
        passages,
        embeddingScorer(new OfflineEmbeddings({ table, hashedDimensions, hashSeed }), passages),
      ),
    );
    const mean = (pick: (score: Score) => number): string =>
      `${((scores.reduce((sum, score) => sum + pick(score), 0) / scores.length) * 100).toFixed(1)}%`;
    const perSeed = scores.map((score) => (score.top1 * 100).toFixed(0)).join(' ');
    console.log(
      `  ${hashedDimensions}+${table.dimensions}`.padEnd(12),
      `rank-1 ${mean((score) => score.top1)}`,
      ` rank-3 ${mean((score) => score.top3)}`,
      `  (rank-1 per seed: ${perSeed})`,
    );
  }
}

/** Deterministic pseudo-random numbers (mulberry32) so speed runs are repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Synthetic passages: 20–40 words drawn from the fact sheets' vocabulary and the table's, plus numbers. */
function syntheticPassages(count: number, passages: readonly string[]): string[] {
  const table = defaultWordVectorTable();
  const sheetWords = passages.join(' ').split(/\s+/);
  const next = random(42);
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const length = 20 + Math.floor(next() * 21);
    const words: string[] = [];
    for (let word = 0; word < length; word += 1) {
      const pick = next();
      if (pick < 0.6) words.push(sheetWords[Math.floor(next() * sheetWords.length)] ?? 'Japan');
      else if (pick < 0.95) words.push(table.wordAt(Math.floor(next() ** 2 * table.size)));
      else words.push(String(Math.floor(next() * 100_000)));
    }
    out.push(words.join(' '));
  }
  return out;
}

/** CPU time of this process (all threads, so GC included), in seconds: steadier than wall time on a busy machine. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function measureSpeed(passages: readonly string[]): void {
  const synthetic = syntheticPassages(100_000, passages);
  const embedder = new OfflineEmbeddings();
  const vectors: number[][] = [];
  const start = performance.now();
  const cpuStart = cpuSeconds();
  for (const passage of synthetic) {
    const vector = toNumberArray(embedder.embedText(passage, 'document'));
    if (vectors.length < 1000) vectors.push(vector);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  console.log(
    `embedded ${synthetic.length} synthetic passages (${embedder.dimensions} dims, as number[]) in ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU: ` +
      `${Math.round(synthetic.length / seconds)} passages/s wall, ${Math.round(synthetic.length / cpu)} per CPU-second`,
  );

  const questions = PROBES.map((probe) => probe.question);
  const rounds = 200;
  const fresh = new OfflineEmbeddings();
  const coldStart = performance.now();
  for (const question of questions) fresh.embedText(question, 'query');
  const coldMs = (performance.now() - coldStart) / questions.length;
  const warmStart = performance.now();
  for (let round = 0; round < rounds; round += 1)
    for (const question of questions) embedder.embedText(`${question} ${round}`, 'query');
  const warmMs = (performance.now() - warmStart) / (rounds * questions.length);
  console.log(
    `query embedding: ${coldMs.toFixed(3)} ms each on a fresh embedder (first use builds the stem index), ${warmMs.toFixed(4)} ms warm`,
  );
}

/**
 * Embeds and indexes synthetic passages with hnswlib-node (cosine, M 16, as LangChain's HNSWLib does) for
 * several hashed sizes and efConstruction values; build time grows with both.
 */
async function measureHnsw(passages: readonly string[], count: number): Promise<void> {
  // hnswlib-node is CommonJS: its exports arrive as the default export (LangChain imports it the same way).
  const { HierarchicalNSW } = (await import('hnswlib-node')).default;
  const synthetic = syntheticPassages(count, passages);
  for (const efConstruction of [200, 100, 50]) {
    for (const hashedDimensions of [128, 256, 384, 512]) {
      const embedder = new OfflineEmbeddings({ hashedDimensions });
      const vectors = synthetic.map((passage) => toNumberArray(embedder.embedText(passage, 'document')));
      const start = performance.now();
      const cpuStart = cpuSeconds();
      const index = new HierarchicalNSW('cosine', embedder.dimensions);
      index.initIndex(synthetic.length, 16, efConstruction);
      vectors.forEach((vector, label) => index.addPoint(vector, label));
      const seconds = (performance.now() - start) / 1000;
      const cpu = cpuSeconds() - cpuStart;
      console.log(
        `hnsw build, ${count} passages, ${embedder.dimensions} dims, M 16, efConstruction ${efConstruction}: ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU = ` +
          `${Math.round(count / seconds)} passages/s wall, ${Math.round(count / cpu)} per CPU-second`,
      );
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      knowledge: { type: 'string', default: '/work/shared/knowledge' },
      speed: { type: 'boolean', default: false },
      hnsw: { type: 'boolean', default: false },
      'hnsw-count': { type: 'string', default: '20000' },
      'skip-quality': { type: 'boolean', default: false },
      table: { type: 'string' },
    },
  });
  const passages = loadPassages(values.knowledge);
  if (!values['skip-quality'])
    compareQuality(
      passages,
      values.table === undefined ? defaultWordVectorTable() : WordVectorTable.load(values.table),
    );
  if (values.speed) measureSpeed(passages);
  if (values.hnsw) await measureHnsw(passages, Number.parseInt(values['hnsw-count'], 10));
}

// Runs only as a script, so that the probes and scorers can be imported for ad-hoc experiments.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
