import type { z } from 'zod';

/** One variable that is missing or malformed, and what is wrong with it (never its value). */
export interface ConfigIssue {
  readonly variable: string;
  readonly problem: string;
}

/** Raised when a variable is missing or malformed; the message names each offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration (see .env.example):\n` +
        issues.map((issue) => `  - ${issue.variable}: ${issue.problem}`).join('\n'),
    );
  }
}

/** zod's issues as variable-and-problem pairs; zod's messages never quote the value, so secrets stay out. */
export function toConfigIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? '(unknown)'),
    problem: issue.message,
  }));
}
