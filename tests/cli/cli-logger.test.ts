import { describe, expect, it } from 'vitest';

import {
  cliLogLevel,
  createCliLogger,
  formatLogLine,
  wantsStructuredLogs,
} from '../../src/cli/cli-logger.js';
import { captureOutput } from './support/cli-harness.js';

describe('cliLogLevel', () => {
  it('shows warnings by default and info with --verbose', () => {
    expect(cliLogLevel(false)).toBe('warn');
    expect(cliLogLevel(true)).toBe('info');
  });

  it('lets LOG_LEVEL quieten the CLI further', () => {
    expect(cliLogLevel(false, 'silent')).toBe('silent');
    expect(cliLogLevel(true, 'error')).toBe('error');
    expect(cliLogLevel(false, 'info')).toBe('warn');
  });

  it('GIVEN LOG_LEVEL=debug or trace THEN that level, with or without --verbose', () => {
    expect(cliLogLevel(false, 'debug')).toBe('debug');
    expect(cliLogLevel(true, 'trace')).toBe('trace');
  });
});

describe('wantsStructuredLogs', () => {
  it('is true only when LOG_LEVEL asks for debugging detail', () => {
    expect(wantsStructuredLogs('debug')).toBe(true);
    expect(wantsStructuredLogs('trace')).toBe(true);
    expect(wantsStructuredLogs('info')).toBe(false);
    expect(wantsStructuredLogs('warn')).toBe(false);
    expect(wantsStructuredLogs()).toBe(false);
  });
});

describe('formatLogLine', () => {
  it('turns a pino JSON record into one readable line with its extra fields', () => {
    const line = JSON.stringify({
      level: 40,
      time: 1,
      pid: 2,
      hostname: 'h',
      name: 'kizuna',
      msg: 'slow answer',
      ms: 900,
      model: 'x',
    });
    expect(formatLogLine(line, false)).toBe('warning: slow answer (ms=900, model=x)\n');
  });

  it('shows an error message, and its stack only when verbose', () => {
    const line = JSON.stringify({
      level: 50,
      msg: 'failed',
      err: { message: 'boom', stack: 'Error: boom\n    at here' },
    });
    expect(formatLogLine(line, false)).toBe('error: failed: boom\n');
    expect(formatLogLine(line, true)).toBe('error: failed\nError: boom\n    at here\n');
  });

  it('keeps nested details (JSON themselves) for --verbose', () => {
    const line = JSON.stringify({
      level: 40,
      msg: 'dropped sentences',
      count: 1,
      dropped: [{ reason: 'x' }],
    });
    expect(formatLogLine(line, false)).toBe('warning: dropped sentences (count=1)\n');
    expect(formatLogLine(line, true)).toBe(
      'warning: dropped sentences (count=1, dropped=[{"reason":"x"}])\n',
    );
  });

  it('passes a non-JSON line through', () => {
    expect(formatLogLine('plain text', false)).toBe('plain text\n');
  });
});

describe('createCliLogger', () => {
  it('writes readable lines to its stream and still redacts secrets', () => {
    const stream = captureOutput();
    const logger = createCliLogger({ stream, verbose: false });
    logger.info('not shown');
    logger.warn({ apiKey: 'sk-secret' }, 'using a key');
    expect(stream.text()).toBe('warning: using a key (apiKey=[redacted])\n');
  });

  it('GIVEN the default LOG_LEVEL THEN no JSON reaches the stream, even at info with --verbose', () => {
    const stream = captureOutput();
    const logger = createCliLogger({ stream, verbose: true, configuredLevel: 'info' });
    logger.info({ passages: 45 }, 'knowledge ready');
    expect(stream.text()).toBe('info: knowledge ready (passages=45)\n');
  });

  it('GIVEN LOG_LEVEL=debug THEN the structured JSON logs, redacted, at debug', () => {
    const stream = captureOutput();
    const logger = createCliLogger({ stream, verbose: false, configuredLevel: 'debug' });
    logger.debug({ token: 'secret' }, 'details');
    const record = JSON.parse(stream.text()) as { level: number; msg: string; token: string };
    expect(record).toMatchObject({ level: 20, msg: 'details', token: '[redacted]' });
  });
});
