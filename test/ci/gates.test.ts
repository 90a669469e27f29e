/**
 * #21.3: the habits CI enforces are wired in, and stay wired in: one `npm run check` (types of
 * src/ and test/, ESLint with type-aware rules, Prettier's check, the generated docs), run by
 * .ci/run on a build made once; the stricter compiler options on; every ESLint rule switched off
 * says why.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('#21.3: CI gates', () => {
  it('#21.3: npm run check runs the typecheck, the linter, the format check and the docs check', () => {
    const steps = pkg.scripts.check!.split('&&').map((s) => s.trim());
    expect(steps).toEqual(['npm run typecheck', 'npm run lint', 'npm run format:check', 'npm run docs:check']);
    expect(pkg.scripts.typecheck).toBe('tsc -p tsconfig.json --noEmit');
    expect(pkg.scripts.lint).toMatch(/^eslint\b/);
    expect(pkg.scripts['format:check']).toMatch(/^prettier --check .*src\/\*\*\/\*\.ts.*test\/\*\*\/\*\.ts/);
    expect(pkg.scripts['docs:check']).toBe('node scripts/gen-docs.mjs --check');
    for (const dep of ['eslint', 'typescript-eslint', 'prettier']) expect(pkg.devDependencies[dep], dep).toBeDefined();
  });

  it('#21.3: .ci/run checks, then runs the suite on the one build npm ci made (no second build), and npm test still builds', () => {
    const commands = read('.ci/run')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    const at = (pattern: RegExp) => commands.findIndex((l) => pattern.test(l));
    expect(at(/^npm ci\b/)).toBeGreaterThanOrEqual(0);
    expect(at(/^npm run check$/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(at(/vitest run$/)).toBeGreaterThan(at(/^npm run check$/));
    // Neither `npm test` (pretest builds) nor `npm run build` after `npm ci` (prepare builds).
    expect(commands.filter((l) => /^npm (test|run build)\b/.test(l))).toEqual([]);
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.pretest).toBe('npm run build');
  });

  it('#21.3: tsconfig has noUnusedLocals, noUnusedParameters and verbatimModuleSyntax on, for src/ and test/', () => {
    const tsconfig = JSON.parse(read('tsconfig.json')) as {
      compilerOptions: Record<string, unknown>;
      include: string[];
    };
    expect(tsconfig.compilerOptions).toMatchObject({
      noUnusedLocals: true,
      noUnusedParameters: true,
      verbatimModuleSyntax: true,
      strict: true,
    });
    expect(tsconfig.include).toEqual(expect.arrayContaining(['src', 'test']));
  });

  it('#21.3: ESLint uses the type-aware recommended rules, and every rule it turns off has its reason on the line above', () => {
    const config = read('eslint.config.js');
    expect(config).toContain('tseslint.configs.recommendedTypeChecked');
    expect(config).toMatch(/projectService/);
    const lines = config.split('\n');
    const offs = lines.flatMap((line, i) => (/^\s*'[^']+': 'off',/.test(line) ? [i] : []));
    expect(offs.length).toBeGreaterThan(0);
    for (const i of offs) {
      // The reason is the first comment above it, past the other rules of its block and the block's `files:`.
      let j = i - 1;
      while (/^\s*('[^']+': 'off',|rules: \{|files: \[.*\],|\{)$/.test(lines[j]!)) j--;
      expect(lines[j]!.trim().startsWith('//'), `no reason above ${lines[i]!.trim()}`).toBe(true);
    }
  });

  it('#21.3: Prettier matches the code: 120 columns, single quotes, semicolons, trailing commas', () => {
    expect(JSON.parse(read('.prettierrc.json'))).toEqual({
      printWidth: 120,
      singleQuote: true,
      semi: true,
      trailingComma: 'all',
    });
  });
});

describe('#21.4: what ships and what the code cites', () => {
  it('#21.4: the npm tarball holds the bundle bin/kipp.js runs and the library, not the unbundled CLI', () => {
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(read('bin/kipp.js')).toContain("import('../dist/bundle/cli.js')");
    expect(files).toContain('dist/bundle/cli.js');
    expect(files).toContain('dist/bundle/sheet-worker.js');
    expect(files).toContain('dist/index.js'); // the library API (package.json "main")
    expect(files).toContain('dist/io/sheet-worker.js'); // the library's own worker script
    expect(files.filter((f) => /^dist\/(cli\.|commands\/)/.test(f))).toEqual([]);
  });

  it('#21.4: code comments point to docs/, not to a SPEC outside the repository or to issue numbers', () => {
    const sources = spawnSync('git', ['ls-files', 'src'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(50);
    const cites = sources.flatMap((f) =>
      read(f)
        .split('\n')
        .flatMap((line, i) =>
          /\bSPEC\b|\(issue \d|issue \d+(\.\d+)?:/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(cites).toEqual([]);
  });
});
