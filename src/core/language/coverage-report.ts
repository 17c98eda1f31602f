import type { GlossaryCoverage } from './glossary-coverage.js';

/** A percentage with one decimal, e.g. "98.6%". */
function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * The human report of glossary coverage, as printed by scripts/glossary-coverage.ts:
 * the two figures, then the English terms with no Japanese entry, commonest first.
 */
export function formatCoverageReport(coverage: GlossaryCoverage, glossaryFile: string): string {
  const lines = [
    `Japanese glossary coverage of the fact sheets' English content terms (${glossaryFile})`,
    `  by passage frequency: ${percent(coverage.byPassageFrequency)}`,
    `  by distinct term:     ${percent(coverage.byTerm)} (${coverage.coveredCount} of ${coverage.termCount})`,
  ];
  if (coverage.missing.length === 0) {
    lines.push('  every term has a Japanese entry');
  } else {
    lines.push(`  no Japanese entry (${coverage.missing.length}):`);
    lines.push(`    ${coverage.missing.map((term) => `${term.word} (${term.passages})`).join(', ')}`);
  }
  return lines.join('\n');
}
