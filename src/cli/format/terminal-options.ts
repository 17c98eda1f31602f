import type { OutputStream } from '../cli-deps.js';

/** How to lay text out for one output stream. */
export interface TerminalFormatOptions {
  /** Columns to wrap at. */
  readonly width: number;
  /** Whether to emit ANSI colours. */
  readonly color: boolean;
}

/** Wrapping width when the stream is not a terminal (a pipe or a file). */
export const DEFAULT_WIDTH = 80;
/** Below this, wrapping with indents stops being readable; narrower terminals get this width anyway. */
const MIN_WIDTH = 40;

/**
 * Width and colour for a stream: a terminal's own width, else 80; colour only on a terminal that supports it
 * (`hasColors()` already honours `NO_COLOR`, `FORCE_COLOR` and `TERM=dumb`).
 */
export function terminalOptionsFor(stream: OutputStream): TerminalFormatOptions {
  const isTerminal = stream.isTTY === true;
  const columns =
    isTerminal && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : DEFAULT_WIDTH;
  return {
    width: Math.max(MIN_WIDTH, columns),
    color: isTerminal && typeof stream.hasColors === 'function' && stream.hasColors(),
  };
}
