/** Builds the text of a knowledge file for tests: front matter lines, then body lines. */
export function knowledgeFileText(options: { frontMatter?: string[]; body?: string[] } = {}): string {
  const frontMatter = options.frontMatter ?? [
    'id: sample-sheet',
    'title: Sample Fact Sheet',
    'publisher: The White House',
    'date: "2019-05-25"',
  ];
  const body = options.body ?? [
    '"We are friends." – President Donald J. Trump',
    'A SAMPLE SECTION: The summary sentence.',
    'A bullet.',
  ];
  return ['---', ...frontMatter, '---', ...body, ''].join('\n');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
