import { describe, expect, it } from 'vitest';

import { cliLogLevel, createCliLogger, formatLogLine } from '../../src/cli/cli-logger.js';
import { captureOutput } from './support/cli-harness.js';

describe('cliLogLevel', () => {
  it('shows warnings by default and info with --verbose', () => {
    expect(cliLogLevel(false)).toBe('warn');
    expect(cliLogLevel(true)).toBe('info');
  });

  it('lets LOG_LEVEL quieten the CLI further, or add detail under --verbose', () => {
    expect(cliLogLevel(false, 'silent')).toBe('silent');
    expect(cliLogLevel(false, 'debug')).toBe('warn');
    expect(cliLogLevel(true, 'debug')).toBe('debug');
    expect(cliLogLevel(true, 'error')).toBe('info');
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
});
