/**
 * The library's loadCompetition: the rubric (named in the options, else the embedded default)
 * loaded and checked, then every input read (load.ts).
 */
import type { Competition } from '../model/records.js';
import { readCompetition, type LoadOptions } from './load.js';
import { loadRubric } from './rubric.js';
import type { LoadedRubric } from './rubric-source.js';

export function loadCompetition(options: LoadOptions, loadedRubric?: LoadedRubric): Competition {
  return readCompetition(options, loadedRubric ?? loadRubric(options.rubric ?? null));
}
