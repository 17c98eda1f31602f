import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { ParsedKnowledgeFile } from '../knowledge/parse-knowledge-file.js';
import { readFilesTogether } from '../knowledge/read-files.js';
import type { Logger } from '../logger.js';
import {
  restoreDocumentVocabulary,
  storedDocumentVocabulary,
  type StoredDocumentVocabulary,
  type VocabularyCache,
} from '../retrieval/corpus-vocabulary.js';
import { documentPassagesDigest, rememberDocumentPassagesDigest } from '../vector-index/passage-hashes.js';

/**
 * Version of the entry layout below. Change it when the layout changes; old entries are then ignored and removed.
 */
export const PARSED_KNOWLEDGE_FORMAT = 1;

/**
 * Fingerprint of the source code whose output an entry holds: the knowledge parser, the vocabulary's per-document
 * work and the passage digest, with every module they import (`tests/core/service/parsed-knowledge-store.test.ts`
 * computes it and fails, printing the new value, when that code changes). Entries made by other code are ignored,
 * so a changed parser never serves what the old one parsed.
 */
export const PARSED_KNOWLEDGE_DERIVATION = 'f1961b226f4efdcc';

/** In the name of an entry being written (temporary name, then renamed). */
const TEMPORARY_MARK = '.tmp-';
/** A temporary entry older than this was left by a crashed writer. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Name of the store's folder inside the index folder. */
export const PARSED_KNOWLEDGE_FOLDER = 'parsed-knowledge';

/** What one knowledge file parsed to, with the work derived from it alone, as an entry holds it. */
interface EntryPayload {
  readonly parsed: ParsedKnowledgeFile;
  /** {@link documentPassagesDigest} of `parsed.passages`. */
  readonly passagesDigest: string;
  readonly vocabulary: StoredDocumentVocabulary;
}

/** The first line of an entry; the payload's JSON follows on the second. */
interface EntryHeader {
  readonly format: number;
  readonly derivation: string;
  /** The knowledge file's name and the sha256 of its bytes: the key. */
  readonly file: string;
  readonly fileSha256: string;
  /** Size in bytes and sha256 of the payload line, so a damaged entry is never parsed into knowledge. */
  readonly payloadBytes: number;
  readonly payloadSha256: string;
}

export interface ParsedKnowledgeStoreOptions {
  /** The store's folder (created on first save), normally `<index folder>/parsed-knowledge`. */
  readonly dir: string;
  /** Where restored vocabulary work goes, and saved vocabulary work comes from. */
  readonly vocabularyCache: VocabularyCache;
  readonly logger: Logger;
}

/** Counts of one {@link ParsedKnowledgeStore.save}. */
export interface SavedKnowledgeCounts {
  readonly written: number;
  readonly removed: number;
}

/**
 * Parsed knowledge files and their per-document vocabulary work on disk, one entry per file keyed by the file's
 * name and the sha256 of its bytes, so a restart with unchanged files reads them instead of parsing the sheets
 * and tokenising every passage again (seconds at 100,000 passages). Layout:
 *
 *   <dir>/v<format>-<derivation>/<sha256 of the file>.json   header line (EntryHeader), then the payload line
 *
 * Each entry is written to a temporary name and renamed, so it is whole or absent; it is only ever read after its
 * size and sha256 are checked against its header, and only for the exact file name, bytes, format and code that
 * made it. A missing, damaged or foreign entry means the file is parsed again (logged when damaged); no problem of
 * the store ever stops loading, and saving is best effort.
 */
export class ParsedKnowledgeStore {
  private readonly folder: string;
  /** Entry names known to exist (read or written by this process), so a save writes only what is new. */
  private readonly present = new Set<string>();

  constructor(private readonly options: ParsedKnowledgeStoreOptions) {
    this.folder = join(options.dir, `v${PARSED_KNOWLEDGE_FORMAT}-${PARSED_KNOWLEDGE_DERIVATION}`);
  }

  /**
   * What each file (its name, and the sha256 of its bytes) parsed to, as saved, in the same order; each one's
   * vocabulary work and passage digest are put where the next vocabulary build and fingerprint look. Undefined for
   * a file without a usable entry. Never throws.
   */
  async restore(
    files: readonly { readonly name: string; readonly sha256: string }[],
  ): Promise<(ParsedKnowledgeFile | undefined)[]> {
    const entries = await readFilesTogether(
      files.map(({ sha256 }) => join(this.folder, `${sha256}.json`)),
      () => undefined,
    );
    const restored = files.map(({ name, sha256 }, i) => {
      const bytes = entries[i];
      return bytes === undefined ? undefined : this.restoreEntry(name, sha256, bytes);
    });
    const missing = restored.filter((parsed) => parsed === undefined).length;
    // No entry: a new or changed file, a first start, or entries made by other code (another format or parser).
    if (missing > 0) {
      this.options.logger.info(
        { restored: files.length - missing, parsing: missing, store: this.folder },
        'no usable saved parse for some knowledge files; parsing them',
      );
    }
    return restored;
  }

  private restoreEntry(name: string, sha256: string, bytes: Buffer): ParsedKnowledgeFile | undefined {
    const entryName = `${sha256}.json`;
    try {
      const payload = readEntry(bytes, name, sha256);
      const { parsed } = payload;
      restoreDocumentVocabulary(this.options.vocabularyCache, parsed.passages, payload.vocabulary);
      rememberDocumentPassagesDigest(parsed.passages, payload.passagesDigest);
      this.present.add(entryName);
      return parsed;
    } catch (error) {
      this.options.logger.warn(
        { file: name, entry: join(this.folder, entryName), problem: (error as Error).message },
        'saved parse of a knowledge file is unusable; parsing the file again',
      );
      return undefined;
    }
  }

  /**
   * Saves an entry for each of these files (name → sha256 and parse) that has none yet, then removes the entries
   * of files no longer present and the folders of other formats. Files whose vocabulary work is not in the cache
   * (not yet part of a built vocabulary) are skipped. Never throws: a failure is logged and the store stays as it
   * was, at worst without some entries.
   */
  async save(
    files: ReadonlyMap<string, { readonly sha256: string; readonly parsed: ParsedKnowledgeFile }>,
  ): Promise<SavedKnowledgeCounts> {
    let written = 0;
    let removed = 0;
    try {
      await mkdir(this.folder, { recursive: true });
      const keep = new Set<string>();
      for (const [name, { sha256, parsed }] of files) {
        const entryName = `${sha256}.json`;
        keep.add(entryName);
        if (this.present.has(entryName)) continue;
        const vocabulary = storedDocumentVocabulary(this.options.vocabularyCache, parsed.passages);
        if (vocabulary === undefined) continue;
        const passagesDigest = documentPassagesDigest(parsed.passages);
        await writeAtomically(
          join(this.folder, entryName),
          encodeEntry(name, sha256, { parsed, passagesDigest, vocabulary }),
        );
        this.present.add(entryName);
        written += 1;
      }
      const now = Date.now();
      for (const entry of await readdir(this.folder)) {
        if (keep.has(entry)) continue;
        // Another process (a shard) may be writing this one right now; a crashed writer's is old.
        if (entry.includes(TEMPORARY_MARK)) {
          const info = await stat(join(this.folder, entry)).catch(() => undefined);
          if (info === undefined || now - info.mtimeMs < STALE_TEMPORARY_MS) continue;
        } else removed += 1;
        await rm(join(this.folder, entry), { force: true });
        this.present.delete(entry);
      }
      for (const entry of await readdir(this.options.dir)) {
        if (join(this.options.dir, entry) === this.folder) continue;
        await rm(join(this.options.dir, entry), { recursive: true, force: true });
      }
    } catch (error) {
      this.options.logger.warn(
        { dir: this.options.dir, err: error },
        'could not save the parsed knowledge; the next start parses the sheets again',
      );
    }
    return { written, removed };
  }
}

function encodeEntry(name: string, sha256: string, payload: EntryPayload): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const header: EntryHeader = {
    format: PARSED_KNOWLEDGE_FORMAT,
    derivation: PARSED_KNOWLEDGE_DERIVATION,
    file: name,
    fileSha256: sha256,
    payloadBytes: body.length,
    payloadSha256: createHash('sha256').update(body).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
}

/**
 * The payload of an entry for file `name` with bytes hashing to `sha256`.
 * @throws Error naming the problem when the entry is damaged, made for another file or by other code.
 */
function readEntry(bytes: Buffer, name: string, sha256: string): EntryPayload {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new Error('no header line');
  const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Partial<EntryHeader>;
  if (header.format !== PARSED_KNOWLEDGE_FORMAT || header.derivation !== PARSED_KNOWLEDGE_DERIVATION) {
    throw new Error(`made by other code (format ${header.format}, derivation ${header.derivation})`);
  }
  if (header.file !== name || header.fileSha256 !== sha256) throw new Error('made for another file');
  const body = bytes.subarray(newline + 1);
  if (body.length !== header.payloadBytes) {
    throw new Error(`payload is ${body.length} bytes, expected ${header.payloadBytes}`);
  }
  if (createHash('sha256').update(body).digest('hex') !== header.payloadSha256) {
    throw new Error('payload checksum mismatch');
  }
  const payload = JSON.parse(body.toString('utf8')) as EntryPayload;
  // The checksum vouches for the bytes and the header for the code that wrote them; these checks only guard
  // against an entry that code could not have written (a hand edit that kept the checksums right).
  const { parsed } = payload;
  if (
    typeof payload.passagesDigest !== 'string' ||
    parsed?.document?.file !== name ||
    !Array.isArray(parsed.passages) ||
    parsed.passages.length === 0 ||
    !Array.isArray(parsed.quotations) ||
    !parsed.passages.every((passage) => passage?.documentId === parsed.document.id)
  ) {
    throw new Error('payload is not a parsed knowledge file');
  }
  shareRepeatedStrings(parsed);
  return payload;
}

/**
 * JSON.parse gives every passage its own copy of its document id and section heading, where a parse shares one
 * string per document and heading: point them at one copy (at 100,000 passages the copies took about 10 MB).
 */
function shareRepeatedStrings(parsed: ParsedKnowledgeFile): void {
  const shared = new Map<string, string>();
  const share = (text: string) => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  share(parsed.document.id);
  for (const passage of parsed.passages as Mutable<ParsedKnowledgeFile['passages'][number]>[]) {
    passage.documentId = share(passage.documentId);
    passage.section = share(passage.section);
    passage.id = share(passage.id);
  }
  for (const quotation of parsed.quotations as Mutable<ParsedKnowledgeFile['quotations'][number]>[]) {
    quotation.documentId = share(quotation.documentId);
    quotation.section = share(quotation.section);
    quotation.passageId = share(quotation.passageId);
    quotation.speaker = share(quotation.speaker);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Writes `bytes` to a temporary name beside `path`, then renames it: readers see the whole file or none. */
async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temporary = `${path}${TEMPORARY_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
