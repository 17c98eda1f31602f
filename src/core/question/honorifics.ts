/**
 * "Mr. Trump", "Mr Abe", "Mister Abe", "Ms. Trump": a title before a surname that the sheets never use
 * (they write "President Trump", "Prime Minister Abe"). It says nothing about who is meant, so it goes,
 * and the name is read as the sheets' ("Mrs. Trump" is an alias of its own, in knowledge/aliases/en.yaml).
 */
const TITLE_BEFORE_NAME = /\b(?:Mr|Ms|Mister)\.?\s+(?=\p{L})/giu;

/** `text` without the titles "Mr.", "Ms." and "Mister" before a name. */
export function dropHonorifics(text: string): string {
  return text.replace(TITLE_BEFORE_NAME, '');
}
