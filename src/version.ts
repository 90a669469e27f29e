import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

let cached: string | undefined;

/** The tool's version, from package.json (read once, lazily). */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
