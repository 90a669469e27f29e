/**
 * Judge rules (docs/reference/scoring.md step 2 and the `expertise` profile field of `kipp assign --by category`):
 * judge ids are unique (a repeated id would merge two people's score sheets), and every
 * expertise item names a category of the rubric (a typo would silently route entries away from
 * the judge who knows them). Pure.
 */
import { diagnostic, otherPlaces, quoted, type Diagnostic } from '../model/diagnostic.js';
import { resolveExpertise } from '../model/expertise.js';
import type { Judge } from '../model/records.js';
import type { Rubric } from '../model/rubric.js';
import { vocabulary } from '../model/vocabulary.js';

export interface CheckedJudge {
  judge: Judge;
  /** Category ids from the expertise field (unknown items left out). */
  expertise: string[];
}

export function checkJudges(
  judges: readonly Judge[],
  rubric: Rubric,
): { checked: CheckedJudge[]; diagnostics: Diagnostic[] } {
  const vocab = vocabulary(rubric);
  const diagnostics: Diagnostic[] = [];
  const at = (judge: Judge, field: string) => ({ file: judge.source.file, line: judge.source.line, field });

  const byId = new Map<string, Judge[]>();
  for (const judge of judges) {
    const list = byId.get(judge.id);
    if (list) list.push(judge);
    else byId.set(judge.id, [judge]);
  }
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    const place = (k: number) => `${list[k]!.source.file}:${list[k]!.source.line}`;
    for (let k = 0; k < list.length; k++) {
      const judge = list[k]!;
      const others = otherPlaces({ self: k, count: list.length, place });
      diagnostics.push(
        diagnostic(
          'duplicate-id',
          `judge id ${quoted(judge.id)} is also used at ${others}: every judge needs their own id`,
          at(judge, 'id'),
        ),
      );
    }
  }

  const known = rubric.categories.map((k) => `${k.number} ${k.id}`).join(', ');
  const checked = judges.map((judge) => {
    const { categories, unknown } = resolveExpertise(judge.fields.get('expertise') ?? '', vocab);
    for (const item of unknown) {
      diagnostics.push(
        diagnostic(
          'unknown-category',
          `judge ${quoted(judge.id)}: expertise ${quoted(item)} is not one of the rubric's categories (${known}): use an id, a number or a label, several separated by ";"`,
          at(judge, 'expertise'),
        ),
      );
    }
    return { judge, expertise: categories };
  });
  return { checked, diagnostics };
}
