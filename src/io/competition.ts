/**
 * The library's loadCompetition: the rubric (named in the options, else the embedded default)
 * loaded and checked, then every input read (load.ts).
 */
import type { Competition } from '../model/records.js';
import { readCompetition, readCompetitionAsync, type LoadOptions } from './load.js';
import { loadRubric } from './rubric.js';
import type { LoadedRubric } from './rubric-source.js';

export function loadCompetition(options: LoadOptions, loadedRubric?: LoadedRubric): Competition {
  return readCompetition(options, loadedRubric ?? loadRubric(options.rubric ?? null));
}

/**
 * loadCompetition for inputs that may include Excel workbooks (.xlsx/.xlsm, by their bytes):
 * exceljs reads them asynchronously first, then everything loads as loadCompetition does.
 */
export async function loadCompetitionAsync(options: LoadOptions, loadedRubric?: LoadedRubric): Promise<Competition> {
  return readCompetitionAsync(options, loadedRubric ?? loadRubric(options.rubric ?? null));
}
