/**
 * Files shipped with the package (package.json, rubrics/), found from wherever the running code
 * sits: tsc's dist/ tree or the bundled CLI in dist/bundle/ lie at different depths, so the
 * package root is the nearest folder above this module whose package.json names kipp.
 */
import { existsSync, readFileSync } from 'node:fs';

let root: URL | undefined;

export function packageRoot(): URL {
  if (root) return root;
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const manifest = new URL('package.json', dir);
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kipp')
      return (root = dir);
    if (dir.pathname === '/' || new URL('../', dir).href === dir.href)
      throw new Error('kipp: cannot find the package root (package.json of kipp) above ' + import.meta.url);
  }
}

/** A file or folder of the package, e.g. `packageFile('rubrics/')`. */
export function packageFile(path: string): URL {
  return new URL(path, packageRoot());
}
