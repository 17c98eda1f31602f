import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/load-config.js';
import type { Answerer } from './answer/answerer.js';
import type { ModelAnswering } from './models/create-model-answering.js';
import { createExtractiveAnswerer } from './answer/extractive-answerer.js';
import type { DescribedEmbeddings, EmbedderIdentity } from './embeddings/embedder-identity.js';
import { createOfflineEmbeddings } from './embeddings/offline-embeddings.js';
import { defaultWordVectorTable } from './embeddings/word-vector-table.js';
import { openPassageIndex } from './vector-index/open-passage-index.js';
import { loadPrompts } from './prompts/load-prompts.js';
import { PassageIndex } from './vector-index/passage-index.js';
import {
  loadKnowledge as loadKnowledgeFolder,
  readKnowledgeFolder,
  type ParsedFileCache,
  type RestoreParsedFiles,
} from './knowledge/load-knowledge.js';
import type { Logger } from './logger.js';
import { createLexiconLoader } from './service/load-lexicon.js';
import { glossaryGapsFile } from './service/glossary-gaps.js';
import { createCoverageWordTable } from './retrieval/coverage-word-table.js';
import { createVocabularyCache } from './retrieval/corpus-vocabulary.js';
import { PARSED_KNOWLEDGE_FOLDER, ParsedKnowledgeStore } from './service/parsed-knowledge-store.js';
import { KizunaService, type IndexOpener, type KizunaServiceOptions } from './service/kizuna-service.js';
import type { KnowledgeBase } from './types.js';

/** Where the glossary gap check of the last knowledge version started is remembered, inside the index folder. */
export const GLOSSARY_GAPS_FILE = 'glossary-gaps.json';

export interface CreateKizunaOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Progress of a long index build (the CLI shows a bar on a terminal). */
  readonly onIndexProgress?: (done: number, total: number) => void;
  /** Ignore a saved index and build anew (`npm run index -- --rebuild`). @default false */
  readonly forceRebuild?: boolean;
  /** Where knowledge comes from; defaults to reading `config.knowledgeDir`. Benchmarks pass synthetic knowledge. */
  readonly loadKnowledge?: () => Promise<KnowledgeBase>;
  /** Coverage-check thresholds, for tuning; the defaults are what `npm run eval` measures. */
  readonly coverage?: KizunaServiceOptions['coverage'];
}

/**
 * Composition root of the core: configuration in, a ready service out (knowledge loaded, index loaded
 * or rebuilt, answerer chosen). Front ends call this once and talk only to the returned service.
 */
export async function createKizuna(options: CreateKizunaOptions): Promise<KizunaService> {
  const { config, logger } = options;
  // Prompts are product assets: a broken one stops start-up with its file named, whichever answerer runs.
  const prompts = await loadPrompts(config.promptsDir);
  const wordVectors = defaultWordVectorTable();
  // Model clients are imported only when configured: they cost most of a second of start-up.
  let embeddings: DescribedEmbeddings;
  let identity: EmbedderIdentity;
  if (config.embeddings.provider === 'offline') {
    embeddings = createOfflineEmbeddings({ table: wordVectors });
    identity = embeddings.describe();
  } else {
    const { createProviderEmbeddings } = await import('./embeddings/providers/create-provider-embeddings.js');
    const { describeEmbeddings } = await import('./embeddings/providers/provider-embeddings.js');
    embeddings = createProviderEmbeddings(config);
    // A provider's dimensions are only known once it has embedded something.
    identity = await describeEmbeddings(embeddings);
  }
  let answerer: Answerer = createExtractiveAnswerer();
  let model: ModelAnswering | undefined;
  if (config.answerer.provider !== 'extractive') {
    const { createModelAnswering } = await import('./models/create-model-answering.js');
    model = createModelAnswering({ config, prompts, logger, fallback: createExtractiveAnswerer() });
    answerer = model.answerer;
  }

  // The saved index is removed so the first open builds anew; that first build is the one asked for.
  let rebuildAsked = options.forceRebuild === true;
  if (rebuildAsked) await rm(config.indexDir, { recursive: true, force: true });

  const parsedFiles: ParsedFileCache = new Map();
  // The parse and vocabulary work of each file, saved beside the index, so a restart with unchanged files
  // neither parses nor tokenises them (synthetic knowledge handed in by a benchmark has no files to key it by).
  const vocabularyCache = createVocabularyCache();
  const parsedStore =
    options.loadKnowledge === undefined
      ? new ParsedKnowledgeStore({
          dir: join(config.indexDir, PARSED_KNOWLEDGE_FOLDER),
          vocabularyCache,
          logger,
        })
      : undefined;
  const restoreParsedFiles: RestoreParsedFiles = (files) =>
    parsedStore === undefined ? Promise.resolve([]) : parsedStore.restore(files);
  const openIndex: IndexOpener = async (knowledge, previous) => {
    const opened = await openPassageIndex({
      dir: config.indexDir,
      passages: knowledge.passages,
      embeddings,
      knowledgeFingerprint: knowledge.fingerprint,
      logger,
      ...(options.onIndexProgress === undefined ? {} : { onProgress: options.onIndexProgress }),
      // A reload reuses the serving index's vectors, so unchanged passages are never embedded again.
      ...(previous instanceof PassageIndex ? { previous } : {}),
    });
    const reason = rebuildAsked ? 'a rebuild was asked for' : (opened.reason ?? 'no reason given');
    rebuildAsked = false;
    const origin =
      opened.origin === 'loaded'
        ? 'loaded from disk'
        : opened.origin === 'updated'
          ? `updated (${reason}; ${opened.embedded} embedded, ${opened.index.deltaSize} beside the main graph)`
          : `rebuilt (${reason})`;
    return { index: opened.index, origin, embedded: opened.embedded };
  };

  return KizunaService.start({
    // One parse cache for the life of the service: a reload parses only the files that changed.
    loadKnowledge:
      options.loadKnowledge ??
      (() => loadKnowledgeFolder(config.knowledgeDir, parsedFiles, restoreParsedFiles)),
    vocabularyCache,
    ...(parsedStore === undefined
      ? {}
      : {
          afterKnowledgeChange: async () => {
            const saved = await parsedStore.save(parsedFiles);
            if (saved.written + saved.removed > 0) logger.debug(saved, 'parsed knowledge saved');
          },
        }),
    ...(options.loadKnowledge === undefined
      ? {
          fingerprintKnowledge: async () => {
            const read = await readKnowledgeFolder(config.knowledgeDir);
            return { fingerprint: read.fingerprint, load: () => read.load(parsedFiles, restoreParsedFiles) };
          },
        }
      : {}),
    // Parsed again only when its files changed: a reload with nothing changed keeps the very same lexicon.
    loadLexicon: createLexiconLoader(config.knowledgeDir),
    ...(options.loadKnowledge === undefined
      ? { glossaryGapsMemo: glossaryGapsFile(join(config.indexDir, GLOSSARY_GAPS_FILE)) }
      : {}),
    openIndex,
    embedder: { id: identity.id, embedQuery: (text) => embeddings.embedQuery(text) },
    answerer,
    fallbackAnswerer: createExtractiveAnswerer(),
    ...(model === undefined
      ? {}
      : {
          condenseQuestion: model.condenseQuestion,
          providerHealth: () => model.health(),
          promptBudgetTokens: config.modelPromptBudgetTokens,
        }),
    wordVectors: createCoverageWordTable(wordVectors),
    logger,
    maxQuestionLength: config.maxQuestionLength,
    ...(options.coverage === undefined ? {} : { coverage: options.coverage }),
  });
}
