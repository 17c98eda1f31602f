import { execFileSync } from 'node:child_process';

/**
 * vitest global setup: `npm start` and `npm run start:sharded` run the compiled bot (dist/), so the
 * end-to-end tests that spawn them must see the current source compiled first.
 */
export default function buildDist(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
