import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const LAUNCHER = path.resolve(import.meta.dirname, '../../bin/kizuna.mjs');

/** A repository in miniature: the launcher, a source file, and (when built) a compiled `ask` that echoes. */
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kizuna-launcher-'));
  await mkdir(path.join(root, 'bin'));
  await copyFile(LAUNCHER, path.join(root, 'bin', 'kizuna.mjs'));
  await mkdir(path.join(root, 'src', 'cli'), { recursive: true });
  await writeFile(path.join(root, 'src', 'cli', 'ask.ts'), '// source\n');
  await writeFile(path.join(root, 'package-lock.json'), '{}\n');
  const past = new Date(Date.now() - 60_000);
  for (const file of ['src/cli/ask.ts', 'src/cli', 'src', 'package-lock.json']) {
    await utimes(path.join(root, file), past, past);
  }
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Builds 30 s ago: after the source (60 s ago), before any edit a test makes now. */
async function build(entry = 'cli-bundle/ask.js'): Promise<void> {
  const compiled = path.join(root, 'dist', ...entry.split('/'));
  await mkdir(path.dirname(compiled), { recursive: true });
  await writeFile(compiled, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
  const builtAt = new Date(Date.now() - 30_000);
  await utimes(compiled, builtAt, builtAt);
}

async function launch(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [path.join(root, 'bin', 'kizuna.mjs'), ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bin/kizuna.mjs (what npm run ask, quote, chat, index and report run)', () => {
  it('GIVEN a current build THEN it runs the compiled command with the arguments after its name', async () => {
    await build();
    expect(await launch('ask', '--json', 'What does Reiwa mean?')).toEqual({
      code: 0,
      stdout: JSON.stringify(['--json', 'What does Reiwa mean?']),
      stderr: '',
    });
  });

  it('GIVEN report THEN it runs the unbundled compiled report (it loads native database drivers)', async () => {
    await build('cli/report.js');
    expect(await launch('report', '--days', '7')).toMatchObject({
      code: 0,
      stdout: JSON.stringify(['--days', '7']),
    });
  });

  it('GIVEN no dist/ THEN it exits 1 saying to build, or to run the source with the :dev script', async () => {
    const result = await launch('ask', 'Why?');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not built: dist\/cli-bundle\/ask\.js is missing/);
    expect(result.stderr).toMatch(/npm run build.*npm run ask:dev/s);
  });

  it('GIVEN a source file changed after the build THEN it exits 1 naming the file instead of answering with old code', async () => {
    await build();
    await writeFile(path.join(root, 'src', 'cli', 'ask.ts'), '// edited\n');
    const result = await launch('ask', 'Why?');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/older than the source: src\/cli\/ask\.ts changed after the last build/);
  });

  it('GIVEN an unknown command THEN it exits 2 with the usage', async () => {
    const result = await launch('serve');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: node bin\/kizuna\.mjs <ask\|quote\|chat\|index\|report>/);
  });
});
