import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';

import { loadConfig } from '../src/config/load-config.js';
import { createKizuna } from '../src/core/create-kizuna.js';
import { createOfflineEmbeddings } from '../src/core/embeddings/offline-embeddings.js';
import type { HnswParameters } from '../src/core/vector-index/hnsw-parameters.js';
import { PassageIndex } from '../src/core/vector-index/passage-index.js';
import { INDEX_FILES, readCurrentGeneration } from '../src/core/vector-index/saved-index.js';
import { silentLogger } from '../src/core/logger.js';
import { candidateCount } from '../src/core/retrieval/retrieve-passages.js';
import type { EvalQuestion } from '../src/eval/load-questions.js';
import { createBruteForceSearch } from './brute-force.js';
import { measureColdStart } from './cold-start.js';
import { editLastPassage } from './knowledge-edit.js';
import { sampleLatencies, sampleSideBySide } from './latency.js';
import { garbageCollector } from './memory.js';
import { summarize, type LatencySummary } from '../src/eval/percentiles.js';
import { measureRecall, recallQuestions } from './recall.js';

/** One point of the efSearch curve. */
export interface AnnCurvePoint {
  readonly efSearch: number;
  /** Ties with the exact 24th count as found (see approximateSearchRecall). */
  readonly recallAt24: number;
  /** The same, counting only the exact search's own 24 labels: what is lost to ties is the difference. */
  readonly strictRecallAt24: number;
  readonly rawP50Ms: number;
}

/** The efSearch values the curve is measured at (the configured one is added). */
export const CURVE_EF_SEARCH: readonly number[] = [64, 256, 512, 1024, 2048, 4096];

/** Passages `service.retrieve` is asked for, as the service asks when answering. */
export const RETRIEVE_K = 6;
/** What retrieving 6 fetches from the index; raw and brute-force searches fetch the same. */
export const INDEX_FETCH_K = candidateCount(RETRIEVE_K);

/** Brute force warms up on a few questions only: one pass over 100,000 vectors takes a minute. */
const BRUTE_FORCE_WARM_UP_ITEMS = 3;

/** Timed passes over the question set, per measurement. Fixed per size, so runs compare. */
export interface Rounds {
  readonly retrieval: number;
  readonly bruteForce: number;
  readonly answer: number;
}

/** Fewer passes where one pass is slow (brute force over 100,000 vectors), more where samples are tiny. */
export function roundsFor(passages: number): Rounds {
  if (passages >= 50_000) return { retrieval: 10, bruteForce: 1, answer: 3 };
  if (passages >= 5_000) return { retrieval: 10, bruteForce: 3, answer: 5 };
  return { retrieval: 20, bruteForce: 20, answer: 10 };
}

export interface ScaleSetup {
  /** "real" or the synthetic size, for messages. */
  readonly label: string;
  /** A knowledge folder the bench owns (one passage in `editFile` gets edited). */
  readonly knowledgeDir: string;
  /** An empty index folder the bench owns. */
  readonly indexDir: string;
  readonly questionsFile: string;
  readonly questions: readonly EvalQuestion[];
  /** Ids of the real fact sheets' passages: recall counts only these. */
  readonly realPassageIds: ReadonlySet<string>;
  /** File (in knowledgeDir) whose last passage the one-change reload edits. */
  readonly editFile: string;
  readonly rounds: Rounds;
  readonly onIndexProgress?: (done: number, total: number) => void;
  /** Called when the build progress bar should go away. */
  readonly onIndexDone?: () => void;
  readonly onPhase?: (phase: string) => void;
}

/** Everything measured at one knowledge base size. Times in ms, memory in MB. */
export interface ScaleResult {
  readonly label: string;
  readonly passages: number;
  readonly documents: number;
  /** Index build alone (embedding + HNSW insertion), in a fresh process with an empty index folder. */
  readonly buildMs: number;
  readonly passagesPerSec: number;
  /** Passages per second the embedder manages alone (on a sample): the rest of buildMs is HNSW insertion. */
  readonly embedPassagesPerSec: number;
  /** Fresh process to ready, with the saved index. */
  readonly coldStartMs: number;
  /** Of coldStartMs: process start to Kizuna's code running (Node, tsx, module loading). */
  readonly coldStartImportMs: number;
  /** Of coldStartMs: `createKizuna` itself (knowledge loaded, saved index loaded, service built). */
  readonly coldStartCreateMs: number;
  /** Fresh process to ready, with an empty index folder (so a full build). */
  readonly coldStartRebuildMs: number;
  readonly idleRssMb: number;
  /** RSS of the same process with its modules loaded, before any knowledge: what the code alone costs. */
  readonly modulesRssMb: number;
  /** The larger of the two fresh processes' peaks (below), the figure the target is checked against. */
  readonly peakRssMb: number;
  /** Peak RSS of the process that started with an empty index folder (parse, build, save, then the questions). */
  readonly peakRssBuildMb: number;
  /** Peak RSS of the process that started from the saved index (then the questions). */
  readonly peakRssLoadedMb: number;
  readonly noChangeReloadMs: number;
  readonly noChangeReloadEmbedded: number;
  readonly oneChangeReloadMs: number;
  readonly oneChangeReloadEmbedded: number;
  /** `service.retrieve(question, 6)` end to end: query embedding, index search, lexical rerank. */
  readonly queryP50Ms: number;
  readonly queryP95Ms: number;
  /** Embedding the question alone (part of queryP95Ms). */
  readonly embedQueryP95Ms: number;
  /** `PassageIndex.searchByVector(vector, 24)` on precomputed vectors: the index layer without embedding. */
  readonly indexSearchP95Ms: number;
  /** hnswlib-node `searchKnn(vector, 24)` on the same graph and vectors: the floor. */
  readonly rawHnswP95Ms: number;
  /** The brute-force store's `similaritySearchVectorWithScore(vector, 24)` on the same vectors. */
  readonly bruteForceP95Ms: number;
  /** Ratios of the p95s above: the headline figures. */
  readonly retrievalVsRaw: number;
  readonly indexSearchVsRaw: number;
  readonly bruteForceVsRaw: number;
  /** The same ratios at the median, which load elsewhere on the machine disturbs less. */
  readonly retrievalVsRawP50: number;
  readonly bruteForceVsRawP50: number;
  /**
   * Share of the exact 24 nearest passages (brute force) that hnswlib's search also returns (ties count as found),
   * averaged over the questions: how much the approximate index loses before any ranking happens. 1 = nothing.
   */
  readonly annRecallAt24: number;
  /** {@link annRecallAt24} counting only the exact search's own labels, ties not counted as found. */
  readonly annRecallAt24Strict: number;
  readonly answerP50Ms: number;
  readonly answerP95Ms: number;
  readonly answerP99Ms: number;
  /** Questions whose `ask` threw (their time still counts as a sample). */
  readonly answerErrors: number;
  readonly realQuestionRecallAt3: number;
  readonly recallQuestions: number;
  /** Real questions whose answer was not in the top 3 at this size. */
  readonly recallMisses: readonly string[];
  /**
   * ANN recall@24 and raw searchKnn p50 at several efSearch values on the same graph: the curve the chosen
   * efSearch sits on (construction parameters need a rebuild each; `scripts/sweep-hnsw-parameters.ts` sweeps those).
   */
  readonly annCurve: readonly AnnCurvePoint[];
  /** The HNSW parameters of the index measured (they trade build speed against search recall). */
  readonly hnsw: HnswParameters;
  /** The service's embedder and answerer ids (the bench runs the offline default). */
  readonly embedder: string;
  readonly answerer: string;
  readonly latencies: Readonly<
    Record<'answer' | 'query' | 'embedQuery' | 'indexSearch' | 'rawHnsw' | 'bruteForce', LatencySummary>
  >;
}

/**
 * Measures one size: a build and a start with the saved index in fresh processes (time and memory), then, in this
 * process, retrieval next to raw hnswlib and brute force on the same vectors, answers, recall of the real
 * questions, and the two reloads.
 */
export async function measureScale(setup: ScaleSetup): Promise<ScaleResult> {
  const phase = (text: string) => setup.onPhase?.(`[${setup.label}] ${text}`);
  const coldInput = {
    knowledgeDir: setup.knowledgeDir,
    indexDir: setup.indexDir,
    questionsFile: setup.questionsFile,
  };

  phase('cold start with an empty index folder (full build)');
  const rebuilt = await measureColdStart({
    ...coldInput,
    ...(setup.onIndexProgress ? { onProgress: setup.onIndexProgress } : {}),
  });
  setup.onIndexDone?.();
  if (rebuilt.buildMs === undefined)
    throw new Error(`[${setup.label}] the cold start with an empty index folder built nothing`);
  phase('cold start with the saved index');
  const loaded = await measureColdStart(coldInput);

  phase('in-process measurements');
  const config = loadConfig({
    KNOWLEDGE_DIR: setup.knowledgeDir,
    INDEX_DIR: setup.indexDir,
    LOG_LEVEL: 'silent',
  });
  const service = await createKizuna({ config, logger: silentLogger });
  const embeddings = createOfflineEmbeddings();
  // The bench builds what it compares itself, from the generation the service just saved or loaded: the same
  // graph, byte for byte (product code exposes nothing for benchmarks).
  const index = await PassageIndex.load(setup.indexDir, embeddings);
  const graph = await readSavedGraph(setup.indexDir, index.dimensions, index.hnswParameters.efSearch);
  if (JSON.stringify(index.identity) !== JSON.stringify(embeddings.describe())) {
    throw new Error(
      `[${setup.label}] the index was made by ${index.identity.id}, not the offline default the bench embeds queries with`,
    );
  }
  const texts = setup.questions.map((question) => question.question);
  const vectors = await Promise.all(texts.map((text) => embeddings.embedQuery(text)));
  const { rounds } = setup;

  const embedPassagesPerSec = await embeddingThroughput(embeddings, index.passages);
  // hnswlib refuses k above the graph's size; the service caps k the same way.
  const fetchK = Math.min(INDEX_FETCH_K, index.size);
  const questionIndexes = texts.map((_, i) => i);
  const sideBySide = await sampleSideBySide(questionIndexes, rounds.retrieval, {
    query: (i) => service.retrieve(texts[i]!, RETRIEVE_K),
    embedQuery: (i) => embeddings.embedQuery(texts[i]!),
    indexSearch: (i) => index.searchByVector(vectors[i]!, fetchK),
    rawHnsw: (i) => graph.searchKnn(vectors[i]!, fetchK),
  });
  const query = summarize(sideBySide.query);
  const embedQuery = summarize(sideBySide.embedQuery);
  const indexSearch = summarize(sideBySide.indexSearch);
  const rawHnsw = summarize(sideBySide.rawHnsw);
  const { bruteForce, annRecall, annRecallStrict, annCurve } = await measureBruteForce(
    graph,
    embeddings,
    vectors,
    rounds.bruteForce,
    index.hnswParameters.efSearch,
  );
  garbageCollector()?.();

  const failed = new Set<string>();
  const answer = summarize(
    await sampleLatencies(setup.questions, rounds.answer, (question) =>
      service
        .ask({ question: question.question, ...(question.history ? { history: question.history } : {}) })
        .catch(() => failed.add(question.id)),
    ),
  );
  const recall = await measureRecall(
    recallQuestions(setup.questions),
    (text, k) => service.retrieve(text, k),
    setup.realPassageIds,
  );

  phase('reloads');
  const noChange = await timedReload(() => service.reload());
  await editLastPassage(join(setup.knowledgeDir, setup.editFile));
  const oneChange = await timedReload(() => service.reload());

  const status = service.status();
  return {
    label: setup.label,
    passages: rebuilt.passages,
    documents: status.documentCount,
    buildMs: rebuilt.buildMs,
    passagesPerSec: rebuilt.passages / (rebuilt.buildMs / 1000),
    embedPassagesPerSec,
    coldStartMs: loaded.readyMs,
    coldStartImportMs: loaded.importMs,
    coldStartCreateMs: loaded.createMs,
    coldStartRebuildMs: rebuilt.readyMs,
    idleRssMb: loaded.idleRssMb,
    modulesRssMb: loaded.importedRssMb,
    peakRssMb: Math.max(loaded.peakRssMb, rebuilt.peakRssMb),
    peakRssBuildMb: rebuilt.peakRssMb,
    peakRssLoadedMb: loaded.peakRssMb,
    noChangeReloadMs: noChange.ms,
    noChangeReloadEmbedded: noChange.embedded,
    oneChangeReloadMs: oneChange.ms,
    oneChangeReloadEmbedded: oneChange.embedded,
    queryP50Ms: query.p50,
    queryP95Ms: query.p95,
    embedQueryP95Ms: embedQuery.p95,
    indexSearchP95Ms: indexSearch.p95,
    rawHnswP95Ms: rawHnsw.p95,
    bruteForceP95Ms: bruteForce.p95,
    retrievalVsRaw: query.p95 / rawHnsw.p95,
    indexSearchVsRaw: indexSearch.p95 / rawHnsw.p95,
    bruteForceVsRaw: bruteForce.p95 / rawHnsw.p95,
    retrievalVsRawP50: query.p50 / rawHnsw.p50,
    bruteForceVsRawP50: bruteForce.p50 / rawHnsw.p50,
    annRecallAt24: annRecall,
    annRecallAt24Strict: annRecallStrict,
    answerP50Ms: answer.p50,
    answerP95Ms: answer.p95,
    answerP99Ms: answer.p99,
    answerErrors: failed.size,
    realQuestionRecallAt3: recall.recall,
    recallQuestions: recall.questions,
    recallMisses: recall.missed,
    annCurve,
    hnsw: index.hnswParameters,
    embedder: status.embedder,
    answerer: status.answerer,
    latencies: { answer, query, embedQuery, indexSearch, rawHnsw, bruteForce },
  };
}

/**
 * The brute-force store's latency on the same vectors, and the HNSW index's recall against its exact answers (which
 * double as ground truth, since one pass over 100,000 vectors is slow). The store is garbage once this returns.
 */
async function measureBruteForce(
  graph: HierarchicalNSW,
  embeddings: EmbeddingsInterface,
  vectors: readonly number[][],
  rounds: number,
  efSearch: number,
): Promise<{
  bruteForce: LatencySummary;
  annRecall: number;
  annRecallStrict: number;
  annCurve: AnnCurvePoint[];
}> {
  const { search } = await createBruteForceSearch(graph, embeddings);
  const k = Math.min(INDEX_FETCH_K, graph.getCurrentCount());
  const exact = new Map<number[], Array<{ label: number; similarity: number }>>();
  const samples = await sampleLatencies(
    vectors,
    rounds,
    async (vector) => exact.set(vector, await search(vector, k)),
    BRUTE_FORCE_WARM_UP_ITEMS,
  );
  const recallAt = (ef: number): AnnCurvePoint => {
    graph.setEf(ef);
    const started: number[] = [];
    const recall = approximateSearchRecall(vectors, exact, (vector) => {
      const at = performance.now();
      const result = graph.searchKnn(vector, k);
      started.push(performance.now() - at);
      return result;
    });
    return { efSearch: ef, ...recall, rawP50Ms: summarize(started).p50 };
  };
  const annCurve = [...new Set([...CURVE_EF_SEARCH, efSearch])].sort((a, b) => a - b).map(recallAt);
  graph.setEf(efSearch);
  const configured = annCurve.find((point) => point.efSearch === efSearch)!;
  return {
    bruteForce: summarize(samples),
    annRecall: configured.recallAt24,
    annRecallStrict: configured.strictRecallAt24,
    annCurve,
  };
}

/**
 * The main HNSW graph of the live generation in `dir`, read straight from its `hnswlib.index` with hnswlib-node
 * (the raw floor the service's retrieval is compared with), searching with `efSearch`.
 */
async function readSavedGraph(dir: string, dimensions: number, efSearch: number): Promise<HierarchicalNSW> {
  const current = await readCurrentGeneration(dir);
  if (current.kind !== 'generation') throw new Error(`no saved index in ${dir}`);
  const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
  await graph.readIndex(`${current.path}/${INDEX_FILES.hnswIndex}`);
  graph.setEf(efSearch);
  return graph;
}

/** Passages embedded per second, over an evenly spread sample of at most this many. */
const EMBEDDING_SAMPLE = 2_000;

async function embeddingThroughput(
  embeddings: { embedDocuments(texts: string[]): Promise<number[][]> },
  passages: readonly { readonly text: string }[],
): Promise<number> {
  const step = Math.max(1, Math.floor(passages.length / EMBEDDING_SAMPLE));
  const texts = passages.filter((_, i) => i % step === 0).map((passage) => passage.text);
  await embeddings.embedDocuments(texts.slice(0, 50));
  const started = performance.now();
  await embeddings.embedDocuments(texts);
  return texts.length / ((performance.now() - started) / 1000);
}

/**
 * Mean share of the exact k nearest that the approximate search also finds, two ways. `recallAt24`: a result counts
 * when it is at least as close as the exact k-th (within float error), so that of several equally close passages
 * (texts that differ only in what the embedder ignores: the synthetic sheets repeat sentences with other names) any
 * one will do, as it would for the exact search itself, which breaks such ties arbitrarily. `strictRecallAt24`:
 * only the exact search's own labels count.
 */
export function approximateSearchRecall(
  vectors: readonly number[][],
  exact: ReadonlyMap<number[], ReadonlyArray<{ readonly label: number; readonly similarity: number }>>,
  approximate: (vector: number[]) => { neighbors: number[]; distances: number[] },
): { recallAt24: number; strictRecallAt24: number } {
  let total = 0;
  let strictTotal = 0;
  for (const vector of vectors) {
    const truth = exact.get(vector) ?? [];
    const kth = truth[truth.length - 1]?.similarity;
    if (kth === undefined) {
      total += 1;
      strictTotal += 1;
      continue;
    }
    const { neighbors, distances } = approximate(vector);
    const found = distances.filter((distance) => 1 - distance >= kth - SIMILARITY_TOLERANCE).length;
    total += Math.min(found, truth.length) / truth.length;
    const labels = new Set(truth.map((item) => item.label));
    strictTotal += neighbors.filter((label) => labels.has(label)).length / truth.length;
  }
  return vectors.length === 0
    ? { recallAt24: 1, strictRecallAt24: 1 }
    : { recallAt24: total / vectors.length, strictRecallAt24: strictTotal / vectors.length };
}

/** hnswlib computes in float32, the brute-force store in float64. */
const SIMILARITY_TOLERANCE = 1e-5;

async function timedReload(
  reload: () => Promise<{ embedded: number }>,
): Promise<{ ms: number; embedded: number }> {
  const started = performance.now();
  const report = await reload();
  return { ms: performance.now() - started, embedded: report.embedded };
}
