import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import type { Document } from '@langchain/core/documents';

/**
 * HNSWLib's default docstore checks every new key against an array of all existing keys, which makes adding
 * documents in batches quadratic (minutes at 100,000 passages). Our labels are assigned sequentially by
 * HNSWLib itself, so they can never collide and the check is skipped.
 */
export class AppendOnlyDocstore extends SynchronousInMemoryDocstore {
  override add(texts: Record<string, Document>): void {
    for (const key in texts) {
      const document = texts[key];
      if (document !== undefined) this._docs.set(key, document);
    }
  }
}
