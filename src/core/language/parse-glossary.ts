import { KnowledgeError } from '../knowledge/knowledge-error.js';
import { GLOSSARY_KINDS, type Glossary, type GlossaryEntry, type GlossaryKind } from './glossary.js';

/** The column header every glossary file must have, after its comments. */
export const GLOSSARY_HEADER = 'ja\ten\tkind';

const JAPANESE_CHARACTER = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** The English side: Latin letters, digits, spaces and the punctuation of the sheets' names ("R&D", "U.S."). */
const ENGLISH_SIDE = /^[A-Za-z0-9][A-Za-z0-9 .,&'$-]*$/;
const DIRECTIVE = /^#\s*(source|licence):\s*(.*)$/;

/**
 * Parses a glossary file, refusing anything doubtful as the fact-sheet loader does, because a wrong
 * entry silently changes which passages a Japanese question finds.
 *
 * Format (UTF-8 text): `#` comment lines, among them `# source: …` and `# licence: …` (both required);
 * then the header {@link GLOSSARY_HEADER}; then one entry a line, `Japanese<TAB>English<TAB>kind`, kind
 * one of {@link GLOSSARY_KINDS}. Blank lines are ignored. The Japanese side is NFKC-normalised.
 *
 * @param file the name to report in errors, relative to the knowledge folder ("glossary/ja.tsv").
 * @throws KnowledgeError naming file and line for: a missing source or licence, a missing or wrong header,
 *   a line without exactly three tab-separated fields, an empty side, a Japanese side with no Japanese
 *   character, an English side that is not plain English, an unknown kind, a Japanese term listed twice
 *   (naming the first line), or a file with no entry.
 */
export function parseGlossary(file: string, text: string): Glossary {
  const fail = (line: number | undefined, problem: string): never => {
    throw new KnowledgeError(file, line, problem);
  };
  const directives = new Map<string, string>();
  const entries: GlossaryEntry[] = [];
  const byJapanese = new Map<string, GlossaryEntry>();
  let headerSeen = false;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const directive = DIRECTIVE.exec(raw.trim());
      if (directive?.[1] !== undefined) {
        const value = (directive[2] ?? '').trim();
        if (value === '')
          fail(
            line,
            `the "${directive[1]}" line is empty; say ${directive[1] === 'source' ? 'where the entries come from' : 'which licence they are under'}`,
          );
        directives.set(directive[1], value);
      }
      return;
    }
    if (!headerSeen) {
      if (raw.trim() !== GLOSSARY_HEADER)
        fail(line, `expected the header "ja<TAB>en<TAB>kind" before the first entry`);
      headerSeen = true;
      return;
    }
    const entry = parseEntry(raw, line, fail);
    const earlier = byJapanese.get(entry.ja);
    if (earlier !== undefined)
      fail(line, `"${entry.ja}" is already listed at line ${earlier.line}; list each Japanese term once`);
    byJapanese.set(entry.ja, entry);
    entries.push(entry);
  });

  const source =
    directives.get('source') ?? fail(undefined, 'no "# source: …" line saying where the entries come from');
  const licence = directives.get('licence') ?? fail(undefined, 'no "# licence: …" line');
  if (entries.length === 0) fail(undefined, 'the glossary has no entries');
  const longestTerm = Math.max(...entries.map((entry) => entry.ja.length));
  return { file, source, licence, entries, byJapanese, longestTerm };
}

function parseEntry(
  raw: string,
  line: number,
  fail: (line: number, problem: string) => never,
): GlossaryEntry {
  const fields = raw.split('\t');
  if (fields.length !== 3) {
    fail(line, `expected 3 tab-separated fields (Japanese, English, kind), found ${fields.length}`);
  }
  const [jaRaw = '', enRaw = '', kindRaw = ''] = fields.map((field) => field.trim());
  const ja = jaRaw.normalize('NFKC');
  if (ja === '') fail(line, 'the Japanese side is empty');
  if (enRaw === '') fail(line, `the English side of "${ja}" is empty`);
  if (!JAPANESE_CHARACTER.test(ja))
    fail(line, `"${ja}" has no Japanese character; the first field is the Japanese term`);
  if (!ENGLISH_SIDE.test(enRaw))
    fail(line, `the English side of "${ja}" ("${enRaw}") must be plain English words`);
  if (!isKind(kindRaw)) fail(line, `unknown kind "${kindRaw}"; use one of ${GLOSSARY_KINDS.join(', ')}`);
  return { ja, en: enRaw, kind: kindRaw, line };
}

function isKind(value: string): value is GlossaryKind {
  return (GLOSSARY_KINDS as readonly string[]).includes(value);
}
