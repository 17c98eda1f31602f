import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createUserHasher, resolveUserHashSecret, secretFileFor } from '../../src/storage/user-hash.js';

const folder = mkdtempSync(join(tmpdir(), 'kizuna-hash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('user-id hashes', () => {
  it('GIVEN one secret THEN the same id always hashes alike, other ids and other secrets differ, and the id is not in it', () => {
    const hash = createUserHasher('a-secret-of-some-length');
    expect(hash('200000000000000001')).toBe(hash('200000000000000001'));
    expect(hash('200000000000000001')).toMatch(/^[0-9a-f]{32}$/u);
    expect(hash('200000000000000002')).not.toBe(hash('200000000000000001'));
    expect(createUserHasher('another-secret-entirely')('200000000000000001')).not.toBe(
      hash('200000000000000001'),
    );
  });

  it('GIVEN no configured secret THEN one is generated once beside the database file, readable only by its owner, and reused', () => {
    const file = secretFileFor(join(folder, '.kizuna', 'kizuna.sqlite'));
    expect(file).toBe(join(folder, '.kizuna', 'user-hash.key'));
    const first = resolveUserHashSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveUserHashSecret(undefined, file)).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
  });

  it('GIVEN a configured secret THEN it is used and no file is made', () => {
    const file = join(folder, 'unused', 'user-hash.key');
    expect(resolveUserHashSecret('configured-secret-123', file)).toBe('configured-secret-123');
    expect(() => statSync(file)).toThrow();
  });
});
