/**
 * Child process for the multi-process test in saved-index.test.ts (not a test itself):
 *   node --import tsx concurrent-writer.ts <dir> <version> <saves>
 * Builds a small index whose passages carry `version`, then saves it `saves` times into `dir`.
 */
import { PassageIndex } from '../../../src/core/vector-index/passage-index.js';
import { samplePassages, sampleTexts } from './index-test-support.js';
import { WordHashEmbeddings } from './word-hash-embeddings.js';

const [dir, version, saves] = process.argv.slice(2);
if (dir === undefined || version === undefined)
  throw new Error('usage: concurrent-writer.ts <dir> <version> <saves>');
const passages = samplePassages(sampleTexts().map((text) => `${text} (${version})`));
const index = await PassageIndex.build(passages, new WordHashEmbeddings());
for (let i = 0; i < Number(saves ?? 1); i += 1) await index.save(dir);
