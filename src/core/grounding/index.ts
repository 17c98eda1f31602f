/** The grounding check: keeps only the sentences of a model's reply that the passages they cite support. */
export {
  groundReply,
  type DropCode,
  type DroppedSentence,
  type GroundingResult,
  type GroundReplyOptions,
  type KeptSentence,
} from './ground-reply.js';
export { DEFAULT_GROUNDING_OPTIONS, type GroundingOptions } from './grounding-options.js';
export { splitReply, type Claim, type ReplySentence } from './split-claims.js';
export { createGroundedStream, type GroundedStream } from './grounded-stream.js';
