import type {
  DescribedEmbeddings,
  EmbedderIdentity,
} from '../../../src/core/embeddings/embedder-identity.js';

/**
 * A small, content-dependent test embedder: each lowercase word adds ±1 to one of `dimensions` slots chosen
 * by an FNV-1a hash, so texts sharing words point in similar directions. It records every call.
 */
export class WordHashEmbeddings implements DescribedEmbeddings {
  /** The texts of every `embedDocuments` call, in order. */
  readonly documentCalls: string[][] = [];
  queryCalls = 0;

  constructor(private readonly identity: Partial<EmbedderIdentity> = {}) {}

  /** How many texts have been embedded as documents so far. */
  get documentsEmbedded(): number {
    return this.documentCalls.reduce((sum, call) => sum + call.length, 0);
  }

  describe(): EmbedderIdentity {
    return { id: 'test-word-hash@1', dimensions: 32, params: { salt: 0 }, ...this.identity };
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.documentCalls.push([...texts]);
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    this.queryCalls += 1;
    return this.embed(text);
  }

  embed(text: string): number[] {
    const { dimensions, params } = this.describe();
    const vector = new Array<number>(dimensions).fill(0);
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      const hash = fnv1a(`${String(params.salt)}:${word}`);
      vector[hash % dimensions]! += hash & 0x8000_0000 ? -1 : 1;
    }
    return vector;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
