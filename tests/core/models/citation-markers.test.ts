import { describe, expect, it } from 'vitest';

import { checkCitationMarkers } from '../../../src/core/models/citation-markers.js';

describe('checkCitationMarkers', () => {
  it('keeps markers that point at retrieved passages', () => {
    const checked = checkCitationMarkers('One claim [1]. Another [3].', 3);

    expect(checked).toEqual({ text: 'One claim [1]. Another [3].', kept: [1, 3], dropped: [] });
  });

  it('drops markers outside the passages list without leaving a gap', () => {
    const checked = checkCitationMarkers('Supported [2]. Invented [7]. Zero [0].', 2);

    expect(checked.text).toBe('Supported [2]. Invented. Zero.');
    expect(checked.kept).toEqual([2]);
    expect(checked.dropped).toEqual([7, 0]);
  });

  it('rewrites grouped and ranged markers as separate markers, dropping the invalid members', () => {
    const checked = checkCitationMarkers('Both [1, 2]. Several [2-4]. Mixed [1; 9].', 3);

    expect(checked.text).toBe('Both [1][2]. Several [2][3]. Mixed [1].');
    expect(checked.kept).toEqual([1, 2, 3]);
    expect(checked.dropped).toEqual([4, 9]);
  });

  it('leaves wide year ranges alone, since they are not citations', () => {
    expect(checkCitationMarkers('Between [1990-2019] it grew [1].', 1).text).toBe(
      'Between [1990-2019] it grew [1].',
    );
  });

  it('reports nothing kept when the text cites nothing', () => {
    expect(checkCitationMarkers('No citations here.', 4)).toEqual({
      text: 'No citations here.',
      kept: [],
      dropped: [],
    });
  });
});
