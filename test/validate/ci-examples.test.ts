/**
 * The CI examples in examples/ci/ are what admins copy: they must parse, call kipp validate
 * with formats that exist, and hand each CI the report it reads.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { VALIDATE_FORMATS } from '../../src/report/validate/index.js';

const read = (name: string) => readFileSync(new URL(`../../examples/ci/${name}`, import.meta.url), 'utf8');

function kippCommands(text: string): string[] {
  return text.split('\n').flatMap((l) => {
    const m = /(kipp validate .*?)(\s+#.*)?$/.exec(l);
    return m ? [m[1]!] : [];
  });
}

function formatOf(command: string): string | undefined {
  return /--format (\S+)/.exec(command)?.[1];
}

describe('examples/ci', () => {
  test('GitHub Actions: annotations with --format github, SARIF uploaded', () => {
    const text = read('github-actions.yml');
    const workflow = parse(text) as {
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
      permissions: Record<string, string>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const commands = kippCommands(text);
    expect(commands.map(formatOf).sort()).toEqual(['github', 'sarif']);
    for (const c of commands) expect(VALIDATE_FORMATS).toContain(formatOf(c));
    const sarifOut = /--output (\S+)/.exec(commands.find((c) => formatOf(c) === 'sarif')!)?.[1];
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.with?.sarif_file).toBe(sarifOut);
    expect(workflow.permissions['security-events']).toBe('write');
  });

  test('GitLab CI: a JUnit report artifact', () => {
    const text = read('gitlab-ci.yml');
    const pipeline = parse(text) as Record<
      string,
      { script: string[]; artifacts: { when: string; reports: { junit: string } } }
    >;
    const job = pipeline['kipp-validate']!;
    const junit = job.script.find((s) => formatOf(s) === 'junit')!;
    expect(/--output (\S+)/.exec(junit)?.[1]).toBe(job.artifacts.reports.junit);
    expect(job.artifacts.when).toBe('always');
    for (const c of kippCommands(text)) expect(VALIDATE_FORMATS).toContain(formatOf(c));
  });
});
