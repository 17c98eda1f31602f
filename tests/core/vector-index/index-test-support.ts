import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { createLogger, type Logger } from '../../../src/core/logger.js';
import type { Passage } from '../../../src/core/types.js';

const TEXTS = [
  'The United States and Japan will deepen cooperation on semiconductors and advanced chip supply chains.',
  'Japan will purchase more liquefied natural gas from American exporters to strengthen energy security.',
  'Both leaders welcomed joint missile defense exercises to deter threats in the Indo-Pacific.',
  'NASA and JAXA will work together on lunar exploration, sending astronauts toward the Moon.',
  'The two countries celebrated the Rugby World Cup hosted in Tokyo and other Japanese cities.',
  'A new trade agreement lowers tariffs on American beef, pork and wheat sold in Japan.',
  'Cybersecurity teams will share information about malicious hackers targeting critical infrastructure.',
  'Students and teachers will join exchange programs connecting American and Japanese universities.',
  'Japanese automakers announced investments building factories and jobs in American states.',
  'The alliance remains the cornerstone of peace, security and prosperity in the region.',
  'Cooperation on 5G wireless networks will ensure trusted vendors and secure telecommunications.',
  'Disaster relief forces trained together to respond faster to earthquakes and typhoons.',
];

/** Twelve passages on clearly different topics, with stable ids. */
export function samplePassages(texts: readonly string[] = TEXTS): Passage[] {
  return texts.map((text, position) => ({
    id: `sheet#${position}`,
    documentId: 'sheet',
    section: 'SECTION',
    kind: 'bullet',
    position,
    line: position + 10,
    text,
  }));
}

export function sampleTexts(): string[] {
  return [...TEXTS];
}

/** A temporary folder removed by the returned cleanup. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kizuna-index-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A real pino logger whose JSON lines are collected for assertions. */
export function recordingLogger(): { logger: Logger; records: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return {
    logger: createLogger('debug', sink),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
