import type { ReplyLanguage } from '../../core/language/messages.js';
import type { StorageHealthSnapshot } from '../../storage/storage-health.js';
import { discordRelativeTime } from '../presentation/format-duration.js';

/** Name of `/status`'s storage field, in both languages. */
export const STORAGE_FIELD_NAME: Readonly<Record<ReplyLanguage, string>> = {
  en: 'Storage',
  ja: 'ストレージ',
};

/**
 * One line on storage for `/status`: the database, whether it works, and the recording counters; when
 * failing, since when and the last error (a driver's message, which names no password).
 * "SQLite (.kizuna/kizuna.sqlite) — ok · 120 recorded, 0 queued, 0 dropped"
 */
export function formatStorageStatus(health: StorageHealthSnapshot): string {
  const counters = `${health.written} recorded, ${health.queued} queued, ${health.dropped} dropped`;
  if (health.state !== 'failing') return `${health.database} — ${health.state} · ${counters}`;
  const since =
    health.failingSince !== undefined ? ` since ${discordRelativeTime(new Date(health.failingSince))}` : '';
  return `${health.database} — FAILING${since}: ${health.lastError ?? 'unknown error'} · answers carry on; feedback and settings changes cannot be saved · ${counters}`;
}
