/**
 * #21.2: every relative link in the documentation (README.md, CONTRIBUTING.md, CHANGELOG.md,
 * bench/RESULTS.md, docs/**) points to a file that exists and, with `#anchor`, to a heading of
 * that file, as GitHub renders it. Pages other helpers add on their branches (xlsx-input.md,
 * judges-workbooks.md) are linked before they land: they are listed as expected, and the test
 * fails once they exist so that the list is emptied.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

/** Pages written on other branches this session; the lead merges them. */
const PENDING = new Set<string>();

function markdownFiles(): string[] {
  const files = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'bench/RESULTS.md'];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files;
}

/** The text outside fenced code blocks and inline code: links in examples are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const text = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link {
  file: string;
  target: string;
}

function relativeLinks(file: string): Link[] {
  const text = prose(readFileSync(join(ROOT, file), 'utf8'));
  const links: Link[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target!)) continue; // https:, mailto:
    links.push({ file, target: target! });
  }
  return links;
}

/** What is wrong with a link, or undefined when it resolves. */
function broken(link: Link): string | undefined {
  const [path, anchor] = link.target.split('#', 2) as [string, string | undefined];
  const absolute = path === '' ? join(ROOT, link.file) : resolve(dirname(join(ROOT, link.file)), decodeURI(path));
  const name = relative(ROOT, absolute).split('\\').join('/');
  if (PENDING.has(name)) return undefined;
  if (!existsSync(absolute)) return `${link.file}: ${link.target}: no such file`;
  if (anchor === undefined || statSync(absolute).isDirectory() || !absolute.endsWith('.md')) return undefined;
  if (!anchors(readFileSync(absolute, 'utf8')).has(decodeURIComponent(anchor)))
    return `${link.file}: ${link.target}: no heading #${anchor} in ${name}`;
  return undefined;
}

describe('#21.2: documentation links', () => {
  const files = markdownFiles();

  it('#21.2: every relative link in README.md, CONTRIBUTING.md and docs/ resolves to a file and heading', () => {
    const links = files.flatMap(relativeLinks);
    expect(links.length).toBeGreaterThan(100);
    expect(links.map(broken).filter((b) => b !== undefined)).toEqual([]);
  });

  it('#21.2: the checker itself finds a missing file and a missing heading', () => {
    expect(broken({ file: 'README.md', target: 'docs/no-such-page.md' })).toMatch(/no such file/);
    expect(broken({ file: 'README.md', target: 'docs/reference/scoring.md#no-such-heading' })).toMatch(/no heading/);
    expect(broken({ file: 'README.md', target: 'docs/reference/scoring.md#10-shortlists' })).toBeUndefined();
  });

  it('#21.2: headings become the anchors GitHub gives them', () => {
    const got = anchors(
      '# Steps 1–10\n## `kipp judges` — the panel profile\n## Design notes\n## Design notes\n```\n# not a heading\n```\n',
    );
    expect([...got]).toEqual(['steps-110', 'kipp-judges--the-panel-profile', 'design-notes', 'design-notes-1']);
  });

  it('#21.1: the README is one a newcomer reads in five minutes, and every page of docs/ is reachable from it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThan(300);
    // The two commands at the very top, as a fresh clone runs them.
    expect(readme).toContain(
      '```sh\nnpm install && npx kipp score fixtures/example/entries.csv --scores fixtures/example/scores-wide.csv fixtures/example/scores-long.csv --judges fixtures/example/judges.csv\nnpm test\n```',
    );
    // Reachable: linked from the README, or from a page the README links (the indexes).
    const reached = new Set<string>();
    const queue = ['README.md'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (reached.has(file)) continue;
      reached.add(file);
      for (const { target } of relativeLinks(file)) {
        const path = target.split('#')[0]!;
        if (path === '') continue;
        const name = relative(ROOT, resolve(dirname(join(ROOT, file)), path))
          .split('\\')
          .join('/');
        if (name.endsWith('.md') && existsSync(join(ROOT, name))) queue.push(name);
      }
    }
    expect(files.filter((f) => !reached.has(f))).toEqual([]);
  });

  it('#21.2: the pages written on other branches are still pending here (empty the list once they land)', () => {
    for (const page of PENDING)
      expect(existsSync(join(ROOT, page)), `${page} exists: remove it from PENDING`).toBe(false);
  });
});
