/**
 * Reports how much of the fact sheets' English vocabulary the Japanese glossary reaches.
 *
 *   npx tsx scripts/glossary-coverage.ts [knowledge-folder] [--json] [--min 0.9]
 *
 * Prints the coverage by passage frequency and by distinct term and lists the English terms with no
 * Japanese entry (add them to knowledge/glossary/ja.tsv). `--min` exits 1 when the passage-frequency
 * figure is below it, for CI. Exits 2 when the knowledge or the glossary cannot be loaded.
 */
import { loadKnowledge } from '../src/core/knowledge/load-knowledge.js';
import { formatCoverageReport } from '../src/core/language/coverage-report.js';
import { glossaryCoverage } from '../src/core/language/glossary-coverage.js';
import { loadGlossary } from '../src/core/language/load-glossary.js';

async function main(args: readonly string[]): Promise<number> {
  const json = args.includes('--json');
  const minIndex = args.indexOf('--min');
  const minimum = minIndex === -1 ? undefined : Number(args[minIndex + 1]);
  const folder =
    args.find((arg, index) => !arg.startsWith('--') && (minIndex === -1 || index !== minIndex + 1)) ??
    'knowledge';
  try {
    const [knowledge, glossary] = await Promise.all([loadKnowledge(folder), loadGlossary(folder)]);
    const coverage = glossaryCoverage(knowledge.passages, glossary);
    process.stdout.write(
      json ? `${JSON.stringify(coverage, null, 2)}\n` : `${formatCoverageReport(coverage, glossary.file)}\n`,
    );
    return minimum !== undefined && coverage.byPassageFrequency < minimum ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
