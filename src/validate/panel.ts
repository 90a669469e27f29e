/**
 * The panel rule of docs/guide/analytics.md: z-score normalization compares judges only through the
 * entries they share, so a judge–entry graph in several pieces makes it meaningless. Judges and
 * entries are the nodes, each remaining score record an edge; union-find counts the pieces.
 * The rule applies only where the rubric's normalization needs a connected panel
 * (NORMALIZATION_METHODS in model/rubric.ts): with `none` a split panel changes no figure, and
 * a warning about it would fail `validate --strict` for nothing.
 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { compareCodePoints } from '../model/names.js';
import { needsConnectedPanel, type Rubric } from '../model/rubric.js';
import type { CheckedScores } from './scores.js';
import { pushAll } from '../model/arrays.js';

export interface PanelEdge {
  judge: string;
  entry: string;
}

/** The judges of each connected piece of the graph, each piece sorted, pieces by their first judge. */
export function panelComponents(edges: readonly PanelEdge[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: later finds are near constant time.
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const { judge, entry } of edges) {
    const j = `j\u0000${judge}`;
    const e = `e\u0000${entry}`;
    add(j);
    add(e);
    const a = find(j);
    const b = find(e);
    if (a !== b) parent.set(a, b);
  }
  const pieces = new Map<string, string[]>();
  for (const node of parent.keys()) {
    if (!node.startsWith('j\u0000')) continue;
    const root = find(node);
    const list = pieces.get(root);
    const judge = node.slice(2);
    if (list) list.push(judge);
    else pieces.set(root, [judge]);
  }
  return [...pieces.values()].map((p) => p.sort(compareCodePoints)).sort((a, b) => compareCodePoints(a[0]!, b[0]!));
}

export function isPanelConnected(edges: readonly PanelEdge[]): boolean {
  return panelComponents(edges).length <= 1;
}

/**
 * Whether the panel rule applies: the scores come from score sheets (inline scores are one
 * `inline` judge) and the rubric's normalization compares judges through shared entries. A
 * staged competition asks per stage, with the stage's own rubric.
 */
export function panelRuleApplies(rubric: Pick<Rubric, 'normalization'>, hasScoreSheets: boolean): boolean {
  return hasScoreSheets && needsConnectedPanel(rubric);
}

/**
 * The panel rule on checked scores (`kipp validate` and `kipp score`): a `disconnected-panel`
 * warning, where it applies, for the whole judge–entry graph; when that is connected, one for
 * each criterion whose own graph is in pieces (a long sheet can leave a criterion unscored by
 * the judges who link the rest), since zscore and severity compare judges criterion by criterion.
 */
export function checkPanelOf(
  rubric: Pick<Rubric, 'normalization' | 'criteria'>,
  hasScoreSheets: boolean,
  scores: CheckedScores,
): Diagnostic[] {
  if (!panelRuleApplies(rubric, hasScoreSheets)) return [];
  const { kept } = scores;
  let entries = 0;
  for (let i = 0; i < kept.count; i++) if (kept.entry[i]! >= entries) entries = kept.entry[i]! + 1;
  if (!columnsConnected(kept.count, kept.judge, kept.entry, scores.judges.length, entries))
    return checkPanel(panelEdges(scores), rubric);
  const out: Diagnostic[] = [];
  rubric.criteria.forEach((criterion, c) => {
    if (columnsConnected(kept.count, kept.judge, kept.entry, scores.judges.length, entries, kept.criterion, c)) return;
    pushAll(out, checkPanel(panelEdges(scores, c), rubric, criterion.id));
  });
  return out;
}

/** A `disconnected-panel` warning when the judges fall into groups that share no entry (on one criterion, when named). */
export function checkPanel(
  edges: readonly PanelEdge[],
  rubric: Pick<Rubric, 'normalization'>,
  criterion?: string,
): Diagnostic[] {
  const pieces = panelComponents(edges);
  if (pieces.length <= 1) return [];
  const shown = pieces.slice(0, 5).map((p) => (p.length > 6 ? `${p.slice(0, 6).join(', ')}, …` : p.join(', ')));
  const more = pieces.length > 5 ? ` and ${pieces.length - 5} more` : '';
  const on = criterion === undefined ? '' : `on criterion ${criterion}, `;
  const between =
    rubric.normalization === 'severity' ? ' (between the groups the severity model behaves like `none`)' : '';
  return [
    diagnostic(
      'disconnected-panel',
      `${on}the judges fall into ${pieces.length} groups that share no entry (${shown.map((s) => `{${s}}`).join(' ')}${more}): the rubric's ${rubric.normalization} normalization cannot compare judges across groups${between}; assign judges so that the groups share entries`,
      criterion === undefined ? {} : { field: criterion },
    ),
  ];
}

/**
 * The same question on scoring's columns (judge and entry indices per record), without a
 * string per record: a stress year has millions of scores. Only entries and judges that carry
 * a record count as nodes.
 */
export function columnsConnected(
  count: number,
  judge: Int32Array,
  entry: Int32Array,
  judges: number,
  entries: number,
  criterion?: Int32Array,
  only?: number,
): boolean {
  const parent = new Int32Array(judges + entries).map((_, i) => i);
  const used = new Uint8Array(judges + entries);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!; // path halving
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < count; i++) {
    if (criterion !== undefined && criterion[i] !== only) continue;
    // scoring's records come grouped by entry and judge: one union per pair is enough
    if (i > 0 && judge[i] === judge[i - 1] && entry[i] === entry[i - 1]) continue;
    const a = find(judge[i]!);
    const b = find(judges + entry[i]!);
    used[judge[i]!] = 1;
    used[judges + entry[i]!] = 1;
    if (a !== b) parent[a] = b;
  }
  let root = -1;
  for (let x = 0; x < judges + entries; x++) {
    if (!used[x]) continue;
    const r = find(x);
    if (root === -1) root = r;
    else if (r !== root) return false;
  }
  return true;
}

/**
 * One edge per judge–entry pair, straight from the record columns (ordered by entry, then
 * judge): a stress year has 5 million records but 1 million pairs, and needs no record objects.
 */
export function panelEdges(scores: CheckedScores, criterion?: number): PanelEdge[] {
  const { kept, judges } = scores;
  const edges: PanelEdge[] = [];
  for (let i = 0; i < kept.count; i++) {
    if (criterion !== undefined && kept.criterion[i] !== criterion) continue;
    if (i > 0 && kept.entry[i] === kept.entry[i - 1] && kept.judge[i] === kept.judge[i - 1]) continue;
    edges.push({ judge: judges[kept.judge[i]!]!, entry: String(kept.entry[i]) });
  }
  return edges;
}
