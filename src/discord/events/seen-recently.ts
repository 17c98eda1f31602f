/**
 * Remembers the last few ids handled, so an event delivered twice (a gateway replay after a resume can
 * overlap what was already received) is handled once.
 */
export class SeenRecently {
  private readonly ids = new Set<string>();

  /** @param capacity ids remembered. @default 2000 */
  constructor(private readonly capacity = 2000) {}

  /** True the first time an id is seen; false after. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
