import { describe, expect, it } from 'vitest';
import { diffPassages } from '../../../src/core/service/diff-passages.js';
import type { Passage } from '../../../src/core/types.js';
import { makePassage } from '../../support/passages.js';

describe('diffPassages', () => {
  const a = makePassage('A', { id: 'd#a', section: 'ONE' });
  const b = makePassage('B', { id: 'd#b', section: 'ONE' });
  const c = makePassage('C', { id: 'd#c', section: 'TWO' });

  it('GIVEN identical knowledge THEN everything is kept', () => {
    expect(diffPassages([a, b, c], [a, b, c])).toEqual({ added: 0, removed: 0, changed: 0, kept: 3 });
  });

  it('GIVEN one passage rewritten in place THEN it counts as changed, not added and removed', () => {
    const b2 = makePassage('B, reworded', { id: 'd#b2', section: 'ONE' });
    expect(diffPassages([a, b, c], [a, b2, c])).toEqual({ added: 0, removed: 0, changed: 1, kept: 2 });
  });

  it('GIVEN a new passage and a deleted one in different sections THEN one added and one removed', () => {
    const d = makePassage('D', { id: 'd#d', section: 'THREE' });
    expect(diffPassages([a, b, c], [a, b, d])).toEqual({ added: 1, removed: 1, changed: 0, kept: 2 });
  });

  it('GIVEN everything new THEN the counts add up to both sizes', () => {
    const result = diffPassages([a], [b, c]);
    expect(result.kept + result.changed + result.added).toBe(2);
    expect(result.kept + result.changed + result.removed).toBe(1);
  });

  it('GIVEN documents whose passages are the same objects in both versions THEN the counts are exactly those of comparing every id', () => {
    // What the counts mean, written plainly: every id of one version looked up among the other's.
    const reference = (old: readonly Passage[], next: readonly Passage[]) => {
      const oldIds = new Set(old.map((passage) => passage.id));
      const nextIds = new Set(next.map((passage) => passage.id));
      const kept = next.filter((passage) => oldIds.has(passage.id)).length;
      const slots = (passages: readonly Passage[], other: Set<string>) => {
        const bySlot = new Map<string, number>();
        for (const passage of passages) {
          if (other.has(passage.id)) continue;
          const slot = `${passage.documentId} ${passage.section}`;
          bySlot.set(slot, (bySlot.get(slot) ?? 0) + 1);
        }
        return bySlot;
      };
      const removedBySlot = slots(old, nextIds);
      let changed = 0;
      for (const [slot, count] of slots(next, oldIds))
        changed += Math.min(count, removedBySlot.get(slot) ?? 0);
      return { added: next.length - kept - changed, removed: old.length - kept - changed, changed, kept };
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const documents = (count: number) =>
      Array.from({ length: count }, (_, d) =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, (_, p) =>
          makePassage(`text ${d} ${p}`, { id: `doc${d}#${p}`, documentId: `doc${d}`, section: `S${p % 2}` }),
        ),
      );
    for (let round = 0; round < 200; round += 1) {
      const old = documents(6);
      // Sometimes the old version already uses one id in two documents.
      if (random() < 0.5) old.push([{ ...old[0]![0]!, documentId: 'twin' }]);
      // Keep some documents as the same objects, copy some (same ids, new objects), edit, drop or add others.
      const next = old.flatMap((passages, d) => {
        const roll = random();
        if (roll < 0.4) return [passages];
        if (roll < 0.55) return [passages.map((passage) => ({ ...passage }))];
        if (roll < 0.7)
          return [passages.map((passage, p) => (p === 0 ? { ...passage, id: `doc${d}#edited` } : passage))];
        if (roll < 0.8) return [];
        // The same id again in another document: it must still count as kept, though its document is shared.
        if (roll < 0.9) return [passages, [{ ...passages[0]!, documentId: `elsewhere${d}` }]];
        return [passages, [makePassage('new', { id: `new${d}#0`, documentId: `new${d}` })]];
      });
      const before = old.flat();
      const after = next.flat();
      expect(diffPassages(before, after)).toEqual(reference(before, after));
    }
  });
});
