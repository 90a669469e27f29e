/**
 * The validate formatters, chosen from a typed map: adding a format fails the build until it is
 * handled here.
 */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import type { ValidateFormatOptions, ValidateReport } from './report.js';
import { formatSarif } from './sarif.js';

export const VALIDATE_FORMATS = ['pretty', 'json', 'junit', 'github', 'sarif'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export const validateFormatters = {
  pretty: formatPretty,
  json: formatJson,
  junit: formatJunit,
  github: formatGithub,
  sarif: formatSarif,
} satisfies Record<ValidateFormat, (report: ValidateReport, options: ValidateFormatOptions) => string>;

export { githubStepSummary } from './github.js';
export type { ValidateFormatOptions, ValidateReport, ValidateSummary } from './report.js';
