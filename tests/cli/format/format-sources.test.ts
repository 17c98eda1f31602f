import { describe, expect, it } from 'vitest';

import { describeCitation, formatSourcesList } from '../../../src/cli/format/format-sources.js';
import { citation } from '../../support/fake-core.js';

describe('formatSourcesList', () => {
  it('lists each citation in marker order as "[n] title (date) — section"', () => {
    const lines = formatSourcesList([citation({ marker: 1 }), citation({ marker: 2 })], {
      width: 80,
      color: false,
    }).split('\n');
    expect(lines[0]).toBe('Sources');
    const headings = lines.filter((line) => line.startsWith('['));
    expect(headings).toEqual([
      `[1] ${describeCitation(citation({ marker: 1 }))}`,
      `[2] ${describeCitation(citation({ marker: 2 }))}`,
    ]);
  });

  it('wraps a long heading under its marker', () => {
    const long = citation({
      marker: 1,
      title: 'Fact Sheet: President Donald J. Trump Is Strengthening the Partnership',
    });
    const lines = formatSourcesList([long], { width: 40, color: false, withPassages: false }).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });
});
