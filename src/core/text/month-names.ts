/**
 * English month names and their common short forms ("sept", "jan"), as a regular-expression alternation
 * to embed in larger patterns (case-insensitive flags are the caller's). Shared so that every reading of
 * a date ("the may 2019 sheet", "in sept 17") knows the same months.
 */
export const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
