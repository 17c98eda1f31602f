import type { Passage } from '../types.js';

export interface PassageDiff {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly kept: number;
}

/**
 * Compares two versions of the knowledge. Passage ids hash the text, so an identical id means kept.
 * Among the rest, a new passage that takes the place of an old one in the same document and section
 * (paired in order) counts as changed; whatever is left over was added or removed.
 */
export function diffPassages(before: readonly Passage[], after: readonly Passage[]): PassageDiff {
  const beforeIds = new Set(before.map((passage) => passage.id));
  const afterIds = new Set(after.map((passage) => passage.id));
  const kept = after.filter((passage) => beforeIds.has(passage.id)).length;

  const leftovers = (passages: readonly Passage[], other: Set<string>) => {
    const bySlot = new Map<string, number>();
    for (const passage of passages) {
      if (other.has(passage.id)) continue;
      const slot = `${passage.documentId}\u0000${passage.section}`;
      bySlot.set(slot, (bySlot.get(slot) ?? 0) + 1);
    }
    return bySlot;
  };
  const removedBySlot = leftovers(before, afterIds);
  const addedBySlot = leftovers(after, beforeIds);

  let changed = 0;
  for (const [slot, addedCount] of addedBySlot) {
    changed += Math.min(addedCount, removedBySlot.get(slot) ?? 0);
  }
  const added = after.length - kept - changed;
  const removed = before.length - kept - changed;
  return { added, removed, changed, kept };
}
