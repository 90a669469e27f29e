/**
 * `--assignment assignment.csv` (kipp validate, kipp score): reads the assignment and the
 * metadata of the workbooks among the score sheets, and checks the loaded scores against them
 * (src/validate/assignment.ts).
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Competition } from '../model/records.js';
import { readAssignment } from '../io/assignment.js';
import { scoreWorkbooks } from '../io/assignment-meta.js';
import { expandInput, MissingFile } from '../io/files.js';
import { stageOfSheet } from '../io/load.js';
import { checkAssignment } from '../validate/assignment.js';

export async function assignmentCheck(
  path: string,
  competition: Competition,
  scoreArgs: readonly string[],
): Promise<Diagnostic[]> {
  const assignment = readAssignment(path);
  // Every file the score arguments name, read or refused: its metadata says which assignment
  // it was written for either way (a workbook read for its data brought its metadata along).
  const files = new Set<string>(competition.inputs.filter((i) => i.kind === 'scores').map((i) => i.path));
  for (const arg of scoreArgs) {
    try {
      const expanded = expandInput(stageOfSheet(arg, competition.rubric).path);
      for (const file of [...expanded.files, ...expanded.refused.map((r) => r.path)]) files.add(file);
    } catch (err) {
      if (!(err instanceof MissingFile)) throw err;
    }
  }
  const known = {
    entries: new Set(competition.entries.map((e) => e.id)),
    judges: competition.judges !== null ? new Set(competition.judges.map((j) => j.id)) : null,
  };
  return checkAssignment(
    assignment,
    competition.scores,
    await scoreWorkbooks([...files].sort(), competition.workbookMeta),
    known,
  );
}
