import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadKnowledge, type LoadedKnowledgeBase } from '../../../src/core/knowledge/load-knowledge.js';

/** The project's real knowledge folder. */
const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
/** The fact sheets exactly as received (copies of /work/shared/knowledge/*.txt). */
const RAW_DIR = fileURLToPath(new URL('../../fixtures/knowledge/raw-fact-sheets/', import.meta.url));

const SHEETS = [
  {
    id: '2018-us-japan-friendship',
    file: '2018-us-japan-friendship.md',
    raw: '2018-us-japan-friendship-fact-sheet.txt',
  },
  {
    id: '2019-05-25-us-japan-partnership',
    file: '2019-05-25-us-japan-partnership.md',
    raw: '2019-05-25-us-japan-partnership-fact-sheet.txt',
  },
] as const;

let knowledge: LoadedKnowledgeBase;
beforeAll(async () => {
  knowledge = await loadKnowledge(KNOWLEDGE_DIR);
});

const quotationsBy = (surname: string) =>
  knowledge.quotations.filter((quotation) => quotation.speaker.endsWith(` ${surname}`));

describe('the knowledge folder', () => {
  it('holds the two fact sheets, ignoring its README', () => {
    expect(knowledge.documents.map((document) => [document.id, document.file])).toEqual(
      SHEETS.map((sheet) => [sheet.id, sheet.file]),
    );
  });

  it('describes each sheet honestly: the 2018 date is approximate and its title descriptive', () => {
    const [sheet2018, sheet2019] = knowledge.documents;
    expect(sheet2018).toMatchObject({
      publisher: 'The White House',
      dateApproximate: true,
      titleConfirmed: false,
    });
    expect(sheet2018?.date).toMatch(/^2018(-\d{2})?$/);
    expect(sheet2018?.displayDate).toMatch(/circa .*2018/);
    expect(sheet2019).toMatchObject({
      title:
        'President Donald J. Trump Is Advancing Our Partnership with Japan as We Work Toward a New Era of Global Cooperation and Shared Prosperity',
      publisher: 'The White House, Office of the Press Secretary',
      date: '2019-05-25',
      dateApproximate: false,
      displayDate: 'May 25, 2019',
      titleConfirmed: true,
    });
  });

  it.each(SHEETS)('keeps the text of $raw byte for byte after the front matter', async ({ file, raw }) => {
    const knowledgeText = await readFile(`${KNOWLEDGE_DIR}${file}`, 'utf8');
    const body = knowledgeText.slice(knowledgeText.indexOf('\n---\n') + '\n---\n'.length);
    expect(body).toBe(await readFile(`${RAW_DIR}${raw}`, 'utf8'));
  });

  it.each(SHEETS)('turns every non-empty line of $raw into exactly one passage', async ({ id, raw }) => {
    const lines = (await readFile(`${RAW_DIR}${raw}`, 'utf8'))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    // A summary's line is "HEADING: sentence"; anything else is the passage text itself.
    const passageLines = knowledge.passages
      .filter((passage) => passage.documentId === id)
      .map((passage) =>
        passage.kind === 'section-summary' ? `${passage.section}: ${passage.text}` : passage.text,
      );
    expect(passageLines).toEqual(lines);
  });

  it('has the six sections of the two sheets, in order, each opened by its summary', () => {
    const sections = knowledge.passages
      .filter((passage) => passage.kind === 'section-summary')
      .map((passage) => passage.section);
    expect(sections).toEqual([
      'A CLOSE FRIENDSHIP',
      'SHARED PROSPERITY',
      'DENUCLEARIZING THE KOREAN PENINSULA',
      'A HISTORIC NEW ERA',
      'EXPANDING OUR PARTNERSHIP',
      'ADVANCING OUR SHARED PROSPERITY',
    ]);
  });

  it('starts each sheet with its opening quotation, then numbers passages from 0', () => {
    for (const { id } of SHEETS) {
      const passages = knowledge.passages.filter((passage) => passage.documentId === id);
      expect(passages[0]).toMatchObject({ kind: 'opening-quote', section: '' });
      expect(passages.map((passage) => passage.position)).toEqual(passages.map((_, index) => index));
    }
  });

  it('gives every passage a unique id that is the same on every load', async () => {
    const ids = knowledge.passages.map((passage) => passage.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = await loadKnowledge(KNOWLEDGE_DIR);
    expect(again.passages.map((passage) => passage.id)).toEqual(ids);
    expect(again.quotations.map((quotation) => quotation.id)).toEqual(
      knowledge.quotations.map((quotation) => quotation.id),
    );
    expect(again.fingerprint).toBe(knowledge.fingerprint);
  });

  it('finds both opening quotations, by President Donald J. Trump, without their attribution', () => {
    const wholeLine = knowledge.quotations.filter((quotation) => quotation.form === 'whole-line');
    expect(wholeLine.map((quotation) => quotation.documentId)).toEqual(SHEETS.map((sheet) => sheet.id));
    for (const quotation of wholeLine) {
      expect(quotation.speaker).toBe('President Donald J. Trump');
      expect(quotation.section).toBe('');
      expect(quotation.text).not.toMatch(/["“”]|President Donald J\. Trump$|[-–]\s*$/);
      const passage = knowledge.passages.find((candidate) => candidate.id === quotation.passageId);
      expect(passage?.kind).toBe('opening-quote');
      expect(passage?.text).toContain(quotation.text);
    }
  });

  it('reads the 2019 opening quotation although its closing mark is missing', () => {
    const [opening] = knowledge.quotations.filter(
      (quotation) => quotation.documentId === SHEETS[1].id && quotation.form === 'whole-line',
    );
    expect(opening?.text.startsWith('The friendship between Japan and the United States')).toBe(true);
    expect(opening?.text.endsWith('have never been stronger.')).toBe(true);
  });

  it('finds the three inline quotations with the right speakers, brackets included', () => {
    const inline = knowledge.quotations.filter((quotation) => quotation.form === 'inline');
    expect(inline).toHaveLength(3);
    const praise = inline.find((quotation) => quotation.text.includes('[and]'));
    expect(praise?.speaker).toBe('President Donald J. Trump');
    const remark = inline.find((quotation) => quotation.text.includes('[the] Japan-U.S. alliance'));
    expect(remark?.speaker).toBe('Prime Minister Shinzo Abe');
    const vow = inline.find((quotation) => quotation.text.startsWith('work with Prime Minister Abe'));
    expect(vow?.speaker).toBe('President Donald J. Trump');
    for (const quotation of inline) {
      const passage = knowledge.passages.find((candidate) => candidate.id === quotation.passageId);
      expect(passage?.text).toContain(`"${quotation.text}"`);
      expect(quotation.section).toBe(passage?.section);
    }
  });

  it('has only the two canonical speakers', () => {
    expect(new Set(knowledge.quotations.map((quotation) => quotation.speaker))).toEqual(
      new Set(['President Donald J. Trump', 'Prime Minister Shinzo Abe']),
    );
    expect(quotationsBy('Abe')).toHaveLength(1);
  });

  it('does not take the name of an era or its meaning for a quotation', () => {
    const texts = knowledge.quotations.map((quotation) => quotation.text);
    expect(texts.some((text) => /^Reiwa|^beautiful harmony/.test(text))).toBe(false);
    const eraPassage = knowledge.passages.find((passage) => passage.text.includes('"Reiwa,"'));
    expect(knowledge.quotations.filter((quotation) => quotation.passageId === eraPassage?.id)).toEqual([]);
  });
});
