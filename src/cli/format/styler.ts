import { styleText } from 'node:util';

export type Style = 'bold' | 'dim' | 'italic' | 'cyan' | 'yellow' | 'red' | 'green';

/** Applies a style, or returns the text untouched when colour is off. */
export type Styler = (style: Style | readonly Style[], text: string) => string;

/**
 * A styler bound to a decision already made by the caller (see `terminalOptionsFor`), so formatting functions stay pure.
 * `validateStream: false` because the decision is ours, not `styleText`'s look at `process.stdout`.
 */
export function createStyler(color: boolean): Styler {
  if (!color) return (_style, text) => text;
  return (style, text) =>
    styleText(typeof style === 'string' ? style : [...style], text, { validateStream: false });
}
