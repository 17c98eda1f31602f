/** The state of a model provider as `/status` shows it. */
export interface ProviderHealthSnapshot {
  /** The answerer id, e.g. "openai:gpt-4o-mini". */
  readonly provider: string;
  /** When the last call succeeded (ISO 8601), if one has. */
  readonly lastSuccessAt?: string;
  /** The last failure's message (already free of secrets) and when it happened (ISO 8601). */
  readonly lastError?: { readonly message: string; readonly at: string };
  /** How many of the last `window` calls were recorded (fewer at start-up). */
  readonly recentCalls: number;
  /** Share of those calls that failed, 0–1; 0 when there were none. */
  readonly recentFailureRate: number;
  /** Mean latency of those calls in milliseconds (failures included: a timeout is what people waited). */
  readonly meanLatencyMs?: number;
  /** Calls running now, and calls waiting for a free slot. */
  readonly inFlight: number;
  readonly queued: number;
}

interface CallRecord {
  readonly ok: boolean;
  readonly latencyMs: number;
}

/**
 * Keeps a provider's recent history: the last `window` calls (default 20), the last success and the last
 * error. Cheap enough to record every call.
 */
export class ProviderHealth {
  private readonly calls: CallRecord[] = [];
  private lastSuccessAt: Date | undefined;
  private lastError: { message: string; at: Date } | undefined;

  constructor(
    readonly provider: string,
    private readonly window = 20,
    private readonly now: () => Date = () => new Date(),
  ) {}

  recordSuccess(latencyMs: number): void {
    this.push({ ok: true, latencyMs });
    this.lastSuccessAt = this.now();
  }

  recordFailure(message: string, latencyMs: number): void {
    this.push({ ok: false, latencyMs });
    this.lastError = { message, at: this.now() };
  }

  /** The current state; `load` gives the gate's in-flight and queued counts. */
  snapshot(load: { inFlight: number; queued: number } = { inFlight: 0, queued: 0 }): ProviderHealthSnapshot {
    const failures = this.calls.filter((call) => !call.ok).length;
    const totalLatency = this.calls.reduce((sum, call) => sum + call.latencyMs, 0);
    return {
      provider: this.provider,
      ...(this.lastSuccessAt === undefined ? {} : { lastSuccessAt: this.lastSuccessAt.toISOString() }),
      ...(this.lastError === undefined
        ? {}
        : { lastError: { message: this.lastError.message, at: this.lastError.at.toISOString() } }),
      recentCalls: this.calls.length,
      recentFailureRate: this.calls.length === 0 ? 0 : failures / this.calls.length,
      ...(this.calls.length === 0 ? {} : { meanLatencyMs: Math.round(totalLatency / this.calls.length) }),
      inFlight: load.inFlight,
      queued: load.queued,
    };
  }

  private push(record: CallRecord): void {
    this.calls.push(record);
    if (this.calls.length > this.window) this.calls.shift();
  }
}

/**
 * One line for `/status` (Discord and `npm run chat`), e.g. "openai:gpt-4o-mini — last success 12 s ago;
 * last error 3 min ago: HTTP 503 (server error); 1 of 20 recent calls failed (5%); mean latency 840 ms;
 * 1 running, 0 waiting". `now` is injectable for tests.
 */
export function summarizeProviderHealth(snapshot: ProviderHealthSnapshot, now: Date = new Date()): string {
  const ago = (iso: string) => formatAgo(now.getTime() - Date.parse(iso));
  const parts = [
    snapshot.lastSuccessAt === undefined ? 'no success yet' : `last success ${ago(snapshot.lastSuccessAt)}`,
    snapshot.lastError === undefined
      ? 'no errors'
      : `last error ${ago(snapshot.lastError.at)}: ${snapshot.lastError.message}`,
  ];
  if (snapshot.recentCalls > 0) {
    const failed = Math.round(snapshot.recentFailureRate * snapshot.recentCalls);
    parts.push(
      `${failed} of ${snapshot.recentCalls} recent calls failed (${Math.round(snapshot.recentFailureRate * 100)}%)`,
      `mean latency ${snapshot.meanLatencyMs ?? 0} ms`,
    );
  }
  parts.push(`${snapshot.inFlight} running, ${snapshot.queued} waiting`);
  return `${snapshot.provider} — ${parts.join('; ')}`;
}

function formatAgo(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}
