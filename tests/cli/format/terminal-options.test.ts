import { describe, expect, it } from 'vitest';

import { terminalOptionsFor } from '../../../src/cli/format/terminal-options.js';
import { captureOutput } from '../support/cli-harness.js';

describe('terminalOptionsFor', () => {
  it('uses no colour and 80 columns for a pipe, even if it claims colour support', () => {
    expect(terminalOptionsFor(captureOutput({ isTTY: false, colors: true, columns: 200 }))).toEqual({
      width: 80,
      color: false,
    });
  });

  it("uses a terminal's width and its own verdict on colour (which honours NO_COLOR)", () => {
    expect(terminalOptionsFor(captureOutput({ isTTY: true, colors: true, columns: 120 }))).toEqual({
      width: 120,
      color: true,
    });
    expect(terminalOptionsFor(captureOutput({ isTTY: true, colors: false, columns: 120 }))).toEqual({
      width: 120,
      color: false,
    });
  });
});
