import { Embeddings, type EmbeddingsInterface } from '@langchain/core/embeddings';

import {
  providerGarbage,
  providerUnavailable,
  type ProviderFailureContext,
} from '../../models/provider-unavailable.js';
import type { DescribedEmbeddings, EmbedderIdentity } from '../embedder-identity.js';

/** Text embedded once to learn a provider's vector size when nothing has been embedded yet. */
const PROBE_TEXT = 'Kizuna dimension probe';

export interface ProviderEmbeddingsSettings {
  /** e.g. "openai:text-embedding-3-small". */
  readonly id: string;
  /** Everything besides id that changes the vectors; never secrets. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
  /** Texts sent per request. */
  readonly batchSize: number;
  readonly failureContext: ProviderFailureContext;
}

/**
 * A hosted or local embeddings model (wrapped LangChain class) that can describe itself, checks what the
 * provider returns, and turns every failure into `KizunaError('PROVIDER_UNAVAILABLE')`.
 *
 * The vector size is not configured but learned from the provider: from the first embedding call, or from
 * {@link ProviderEmbeddings.probe}, which embeds a short text once. `describe()` needs one of the two first.
 */
export class ProviderEmbeddings extends Embeddings implements DescribedEmbeddings {
  #dimensions: number | undefined;
  #probing: Promise<EmbedderIdentity> | undefined;

  constructor(
    private readonly inner: EmbeddingsInterface,
    private readonly settings: ProviderEmbeddingsSettings,
  ) {
    super({});
  }

  /**
   * @throws Error when the vector size is not known yet; `await probe()` first (or use `describeEmbeddings`).
   */
  describe(): EmbedderIdentity {
    if (this.#dimensions === undefined) {
      throw new Error(
        `${this.settings.id}: dimensions are not known until something is embedded; await probe() first`,
      );
    }
    return { id: this.settings.id, dimensions: this.#dimensions, params: { ...this.settings.params } };
  }

  /** Learns the vector size (embedding a probe text once if needed) and returns the identity. */
  probe(): Promise<EmbedderIdentity> {
    if (this.#dimensions !== undefined) return Promise.resolve(this.describe());
    this.#probing ??= this.embedQuery(PROBE_TEXT)
      .then(() => this.describe())
      .finally(() => {
        this.#probing = undefined;
      });
    return this.#probing;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.settings.batchSize) {
      const batch = texts.slice(start, start + this.settings.batchSize);
      const batchVectors = await this.#call(() => this.inner.embedDocuments(batch));
      vectors.push(...this.#checked(batchVectors, batch.length));
    }
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const vector = await this.#call(() => this.inner.embedQuery(text));
    const [checked] = this.#checked([vector], 1);
    return checked as number[];
  }

  async #call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw providerUnavailable(error, this.settings.failureContext);
    }
  }

  /** Rejects what an index cannot store: missing vectors, non-numbers, or a size that changed. */
  #checked(vectors: unknown, expectedCount: number): number[][] {
    const garbage = (problem: string) => providerGarbage(problem, this.settings.failureContext);
    if (!Array.isArray(vectors) || vectors.length !== expectedCount) {
      throw garbage(
        `expected ${expectedCount} vector(s), got ${Array.isArray(vectors) ? vectors.length : typeof vectors}`,
      );
    }
    return vectors.map((vector: unknown) => {
      if (!Array.isArray(vector) || vector.length === 0) throw garbage('a vector is missing or empty');
      if (!vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
        throw garbage('a vector contains something other than finite numbers');
      }
      if (this.#dimensions === undefined) this.#dimensions = vector.length;
      if (vector.length !== this.#dimensions) {
        throw garbage(`a vector has ${vector.length} dimensions where earlier ones had ${this.#dimensions}`);
      }
      return vector as number[];
    });
  }
}

/** The identity of any {@link DescribedEmbeddings}, probing first when it is a provider whose size is not known yet. */
export async function describeEmbeddings(embeddings: DescribedEmbeddings): Promise<EmbedderIdentity> {
  return embeddings instanceof ProviderEmbeddings ? embeddings.probe() : embeddings.describe();
}
