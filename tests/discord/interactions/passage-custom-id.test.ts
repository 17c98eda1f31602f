import { describe, expect, it } from 'vitest';

import {
  passageCustomId,
  passageIdFromCustomId,
} from '../../../src/discord/interactions/passage-custom-id.js';

describe('passage custom ids', () => {
  it('round-trips a passage id, so a button still works after a restart', () => {
    const id = '2019-05-25-us-japan-partnership#a1b2c3d4e5f6';
    const customId = passageCustomId(id);
    expect(customId).toBeDefined();
    expect(customId!.length).toBeLessThanOrEqual(100);
    expect(passageIdFromCustomId(customId!)).toBe(id);
  });

  it('gives no custom id when it would exceed 100 characters', () => {
    expect(passageCustomId(`doc#${'x'.repeat(100)}`)).toBeUndefined();
  });

  it('ignores custom ids of other components', () => {
    expect(passageIdFromCustomId('something-else')).toBeUndefined();
    expect(passageIdFromCustomId('passage:')).toBeUndefined();
  });
});
