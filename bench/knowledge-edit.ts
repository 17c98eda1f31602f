import { readFile, writeFile } from 'node:fs/promises';

/** Appended to the edited passage: plain words, so the line stays whatever kind of passage it was. */
export const EDIT_SUFFIX = ' This sentence was revised for the benchmark.';

/**
 * Changes exactly one passage of a knowledge file on disk, the way a person editing it would: the last non-empty
 * line gets a few words more. Returns the edited line.
 * @throws Error when the file has no non-empty line after its front matter.
 */
export async function editLastPassage(file: string): Promise<string> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const closing = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  for (let index = lines.length - 1; index > closing; index -= 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    lines[index] = `${line.trimEnd()}${EDIT_SUFFIX}`;
    await writeFile(file, lines.join('\n'));
    return lines[index]!;
  }
  throw new Error(`${file} has no passage to edit`);
}
