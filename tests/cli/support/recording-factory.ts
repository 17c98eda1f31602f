import type { CoreFactory, CoreFactoryOptions } from '../../../src/cli/cli-deps.js';
import type { KizunaCore } from '../../../src/core/types.js';

/** A core factory that records how it was called, to prove e.g. that a bad question never builds the core. */
export interface RecordingFactory extends CoreFactory {
  readonly calls: CoreFactoryOptions[];
}

export function recordingFactory(
  build: (options: CoreFactoryOptions) => KizunaCore | Promise<KizunaCore>,
): RecordingFactory {
  const calls: CoreFactoryOptions[] = [];
  const factory = async (options: CoreFactoryOptions) => {
    calls.push(options);
    return build(options);
  };
  return Object.assign(factory, { calls });
}
