/** What the bench asks a cold-start child process to do (passed as one JSON argument). */
export interface ColdStartRequest {
  readonly knowledgeDir: string;
  readonly indexDir: string;
  /** Question file to answer once after start-up, so idle memory is that of a process that has served. */
  readonly questionsFile?: string;
}

/** Messages a cold-start child sends over IPC, in this order: progress…, ready, done (or error at any point). */
export type ColdStartMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'ready';
      /** ms from the child's time origin (process start) to its code running: Node, tsx and module loading. */
      readonly importedAtMs: number;
      /** RSS once modules were loaded, before any knowledge: the code's share of memory. */
      readonly importedRssMb: number;
      /** ms from the child's time origin (process start) to `createKizuna` resolved. */
      readonly readyAtMs: number;
      /** ms from the first to the last index progress report: the index build alone (undefined when loaded). */
      readonly buildMs?: number;
      readonly indexOrigin: string;
      readonly passages: number;
      readonly peakRssMb: number;
    }
  | {
      readonly type: 'done';
      /** RSS after start-up and one pass over the questions, after garbage collection. */
      readonly idleRssMb: number;
      /** Highest RSS over the child's whole life, start-up and questions included. */
      readonly peakRssMb: number;
      readonly questionsAsked: number;
    }
  | { readonly type: 'error'; readonly message: string };
