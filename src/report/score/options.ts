import type { Lang } from '../shared/labels.js';
import type { ManifestOptions } from '../audit/manifest.js';

/** What every score reporter is told besides the result. */
export interface ReportOptions {
  lang: Lang;
  /** Colour (ANSI) allowed: decided once in the CLI from the stream, NO_COLOR, FORCE_COLOR, TERM. */
  color: boolean;
  /** Terminal width in columns, for the table. */
  width: number;
  version: string;
  /** ISO time from SOURCE_DATE_EPOCH; absent otherwise (reports carry no timestamp by default). */
  generated?: string;
  /** Where input paths are relative to and the options that shaped the result (the manifest). */
  manifest?: ManifestOptions;
}
