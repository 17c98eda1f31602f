import { config as loadDotenv } from 'dotenv';

/** An environment: variable name → value, as `process.env` holds it. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * The environment to parse: `env` when given (tests pass one so nothing global is read), else `.env`
 * merged under `process.env` (dotenv never overrides a variable that is already set).
 */
export function readEnv(env?: EnvSource): EnvSource {
  if (env !== undefined) return env;
  loadDotenv({ quiet: true });
  return process.env;
}

/** `T` with every property and array read-only, all the way down: what {@link deepFreeze} returns. */
export type Frozen<T> = T extends (infer Item)[]
  ? readonly Frozen<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: Frozen<T[Key]> }
    : T;

/** Freezes an object and everything inside it, so configuration cannot be changed after it is read. */
export function deepFreeze<T>(value: T): Frozen<T> {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as Frozen<T>;
}
