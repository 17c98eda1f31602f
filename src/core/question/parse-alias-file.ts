import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

import { KnowledgeError } from '../knowledge/knowledge-error.js';
import type { AliasEntry, AliasList } from './alias-table.js';

const TOP_LEVEL_KEYS = new Set(['source', 'licence', 'aliases']);
const ENTRY_KEYS = new Set(['term', 'aliases', 'except', 'members', 'asName']);

/**
 * Parses one alias file (format in `knowledge/aliases/en.yaml`'s header): `source`, `licence` and a list
 * of `{ term, aliases, except? }` entries.
 * @param file the file's name, used in error messages.
 * @returns its aliases in file order. Whether an alias repeats another file's is checked by the loader.
 * @throws KnowledgeError naming the file and line of the first problem: invalid YAML, a missing or
 *   unknown field, a term or alias that is not non-empty text, an alias that equals its term or repeats
 *   an alias of this file, or an `except` phrase that contains none of its entry's aliases.
 */
export function parseAliasFile(file: string, text: string): readonly AliasEntry[] {
  return parseAliasDocument(file, text).entries;
}

/** What an alias file holds: its aliases, and its lists whose members together stand for a term. */
export interface AliasDocument {
  readonly entries: readonly AliasEntry[];
  readonly lists: readonly AliasList[];
}

/**
 * {@link parseAliasFile}, with the entries' `members` lists too: `{ term, members }` says that two or more
 * of the members named together ("roads and ports", "bridges-and-ports") stand for the term
 * ("infrastructure"), while one alone asks about itself.
 * @throws KnowledgeError as parseAliasFile, and for an entry with neither aliases nor at least two members.
 */
export function parseAliasDocument(file: string, text: string): AliasDocument {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range == null ? undefined : lines.linePos(node.range[0]).line;
  const fail = (node: Node | null | undefined, problem: string): never => {
    throw new KnowledgeError(file, lineOf(node), problem);
  };

  const syntax = document.errors[0];
  if (syntax !== undefined) {
    throw new KnowledgeError(
      file,
      lines.linePos(syntax.pos[0]).line,
      `not valid YAML: ${syntax.message.split('\n')[0]}`,
    );
  }
  const root = document.contents;
  if (!isMap(root)) return fail(root, 'expected the fields source, licence and aliases');
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_LEVEL_KEYS.has(key))
      fail(pair.key, `unknown field "${key}" (expected source, licence, aliases)`);
  }
  for (const field of ['source', 'licence']) readText(root.get(field, true), root, field, fail);
  const list = root.get('aliases', true);
  if (!isSeq(list)) return fail(list ?? root, '"aliases" must be a list of entries (- term: …)');

  const entries: AliasEntry[] = [];
  const lists: AliasList[] = [];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    if (!isMap(item)) return fail(item as Node, 'each entry must have a term and a list of aliases');
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!ENTRY_KEYS.has(key))
        fail(pair.key as Node, `unknown field "${key}" (expected term, aliases, except, members, asName)`);
    }
    const term = readText(item.get('term', true), item, 'term', fail);
    const membersNode = item.get('members', true);
    if (membersNode !== undefined) {
      const members = readTextList(membersNode, item, 'members', fail).map((member) => member.text);
      if (members.length < 2) fail(item, `"${term}" needs at least two members`);
      lists.push({ term, members, file, line: lineOf(item) ?? 0 });
      if (item.get('aliases', true) === undefined) continue;
    }
    const aliases = readTextList(item.get('aliases', true), item, 'aliases', fail);
    if (aliases.length === 0) fail(item, `"${term}" needs at least one alias`);
    const asNameNode = item.get('asName', true);
    if (asNameNode !== undefined && !(isScalar(asNameNode) && typeof asNameNode.value === 'boolean'))
      fail(asNameNode, '"asName" must be true or false');
    const asName = isScalar(asNameNode) && asNameNode.value === true;
    const exceptNode = item.get('except', true);
    const except = exceptNode === undefined ? [] : readTextList(exceptNode, item, 'except', fail);

    for (const { text: alias, node } of aliases) {
      const line = lineOf(node) ?? 0;
      if (alias.toLowerCase() === term.toLowerCase())
        fail(node, `"${alias}" is the term itself, not an alias`);
      const earlier = seen.get(alias.toLowerCase());
      if (earlier !== undefined) fail(node, `alias "${alias}" is already listed on line ${earlier}`);
      seen.set(alias.toLowerCase(), line);
      entries.push({
        alias,
        term,
        caseSensitive: !/\p{Ll}/u.test(alias),
        except: except.map((phrase) => phrase.text),
        ...(asName ? { asName } : {}),
        file,
        line,
      });
    }
    for (const phrase of except) {
      const lower = phrase.text.toLowerCase();
      if (!aliases.some(({ text: alias }) => lower.includes(alias.toLowerCase()))) {
        fail(phrase.node, `except phrase "${phrase.text}" contains none of the aliases of "${term}"`);
      }
    }
  }
  return { entries, lists };
}

type Fail = (node: Node | null | undefined, problem: string) => never;

function readText(node: unknown, parent: Node, field: string, fail: Fail): string {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    return fail((node as Node | undefined) ?? parent, `"${field}" must be non-empty text`);
  }
  return node.value.trim();
}

function readTextList(
  node: unknown,
  parent: Node,
  field: string,
  fail: Fail,
): { readonly text: string; readonly node: Node }[] {
  if (!isSeq(node)) return fail((node as Node | undefined) ?? parent, `"${field}" must be a list`);
  return node.items.map((item) => ({ text: readText(item, node, field, fail), node: item as Node }));
}
