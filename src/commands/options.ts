/**
 * The option parsers every command shares. It imports nothing but the error type, so a command
 * that needs `--format` does not load another command (and its report formats) to parse it.
 */
import { KippError } from '../model/diagnostic.js';

export function parseFormat<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
  option = '--format',
): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new KippError('usage', `${option} ${raw}: use one of ${allowed.join(', ')}`);
  return raw as T;
}

export function parseCount(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new KippError('usage', `${option} ${raw}: expected a whole number of at least 1`);
  return Number(raw);
}

export function sourceDateEpoch(env: Record<string, string | undefined>): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new KippError('usage', `SOURCE_DATE_EPOCH=${raw}: expected whole seconds since 1970`);
  return new Date(Number(raw) * 1000).toISOString();
}
