/**
 * The answer latency with recording on (issue 8): the core answers, then the Discord adapter's recording step
 * runs as it does before a reply is sent (hash the user id, queue the row, decorate the message with 👍/👎).
 * Time to reply is that whole synchronous path; the database write itself runs afterwards in the background
 * queue and is excluded, but its throughput is measured too, on the embedded SQLite file. Kept in its own
 * module so the main bench (issue 10) needs only a call and a line of output.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadConfig } from '../src/config/load-config.js';
import { createKizuna } from '../src/core/create-kizuna.js';
import { silentLogger } from '../src/core/logger.js';
import { communityMessages } from '../src/discord/community/community-messages.js';
import { decorateAnswer } from '../src/discord/community/decorate-answer.js';
import { formatAnswerMessages } from '../src/discord/presentation/answer-message.js';
import { CommunityStore } from '../src/storage/community-store.js';
import { summarize } from '../src/eval/percentiles.js';

/** What {@link measureRecordingLatency} found (ms unless named otherwise). */
export interface RecordingLatency {
  readonly questions: number;
  readonly samples: number;
  /** Answer and recording step together: the time to reply with recording on. */
  readonly answerWithRecordingP50Ms: number;
  readonly answerWithRecordingP95Ms: number;
  /** The same answers without recording, measured alongside (what recording adds is the difference). */
  readonly answerWithoutRecordingP95Ms: number;
  /** The recording step alone (hash, enqueue, buttons). */
  readonly recordingStepP95Ms: number;
  /** Rows the background queue wrote per second, draining after the timed loop (SQLite, full sync). */
  readonly backgroundRowsPerSec: number;
  readonly dropped: number;
}

/** The p95 target for the time to reply with recording on, on the real sheets. */
export const RECORDING_P95_TARGET_MS = 2;

/** Answers every question `rounds` times with recording on and summarises the time to reply. */
export async function measureRecordingLatency(options: {
  readonly knowledgeDir: string;
  readonly questions: readonly { readonly question: string }[];
  readonly rounds?: number;
}): Promise<RecordingLatency> {
  const workDir = await mkdtemp(join(tmpdir(), 'kizuna-bench-recording-'));
  const config = loadConfig({
    KNOWLEDGE_DIR: options.knowledgeDir,
    INDEX_DIR: join(workDir, 'index'),
    LOG_LEVEL: 'silent',
  });
  const core = await createKizuna({ config, logger: silentLogger });
  const store = await CommunityStore.open(
    {
      databaseUrl: undefined,
      databaseFile: join(workDir, 'kizuna.sqlite'),
      retentionDays: 30,
      recordDirectMessages: false,
      userHashSecret: 'bench-secret-0123456789',
    },
    silentLogger,
    { queueCapacity: 100_000 },
  );
  const say = communityMessages('en');
  const guildId = '100000000000000001';
  try {
    const answerAndRecord = async (
      question: string,
      index: number,
    ): Promise<{ total: number; step: number }> => {
      const started = performance.now();
      const answer = await core.ask({ question });
      const stepStarted = performance.now();
      const answerId = store.recordAnswer({
        guildId,
        userId: String(200000000000000000n + BigInt(index % 50)),
        question,
        outcome: answer.outcome,
        language: answer.language,
        missingTerms: answer.missingTerms,
        answerer: answer.answerer,
      });
      decorateAnswer(formatAnswerMessages(answer, { question }), { ...(answerId ? { answerId } : {}), say });
      const ended = performance.now();
      return { total: ended - started, step: ended - stepStarted };
    };
    for (const [index, item] of options.questions.entries()) await answerAndRecord(item.question, index); // warm-up
    await store.flush();
    // Side by side, alternating which goes first, so load from elsewhere on the machine hits both alike.
    const totals: number[] = [];
    const steps: number[] = [];
    const withoutRecording: number[] = [];
    const rounds = options.rounds ?? 5;
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, item] of options.questions.entries()) {
        const plain = async (): Promise<void> => {
          const started = performance.now();
          formatAnswerMessages(await core.ask({ question: item.question }), { question: item.question });
          withoutRecording.push(performance.now() - started);
        };
        if ((round + index) % 2 === 0) await plain();
        const { total, step } = await answerAndRecord(item.question, index);
        totals.push(total);
        steps.push(step);
        if ((round + index) % 2 === 1) await plain();
      }
    }
    const queued = store.healthSnapshot().queued;
    const drainStarted = performance.now();
    await store.flush();
    const drainMs = performance.now() - drainStarted;
    const answer = summarize(totals);
    return {
      questions: options.questions.length,
      samples: totals.length,
      answerWithRecordingP50Ms: answer.p50,
      answerWithRecordingP95Ms: answer.p95,
      recordingStepP95Ms: summarize(steps).p95,
      answerWithoutRecordingP95Ms: summarize(withoutRecording).p95,
      backgroundRowsPerSec: drainMs > 0 ? Math.round((queued * 1000) / drainMs) : queued,
      dropped: store.healthSnapshot().dropped,
    };
  } finally {
    await store.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The lines the bench prints for it. */
export function formatRecordingLatency(result: RecordingLatency): string {
  const met = result.answerWithRecordingP95Ms <= RECORDING_P95_TARGET_MS ? 'met' : 'NOT met';
  return [
    '',
    `Answer with recording on (real knowledge, ${result.samples} answers; the database write runs after the reply, in the background):`,
    `  time to reply p50 ${result.answerWithRecordingP50Ms.toFixed(3)} ms, p95 ${result.answerWithRecordingP95Ms.toFixed(3)} ms ` +
      `(target ≤ ${RECORDING_P95_TARGET_MS} ms: ${met}); without recording p95 ${result.answerWithoutRecordingP95Ms.toFixed(3)} ms; ` +
      `recording step alone p95 ${result.recordingStepP95Ms.toFixed(3)} ms`,
    `  background writes: ${result.backgroundRowsPerSec.toLocaleString('en-US')} rows/s on SQLite (full sync), ${result.dropped} dropped`,
    '',
  ].join('\n');
}
