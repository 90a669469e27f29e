/**
 * The assignment engine behind `kipp assign`: which judges score which entries. Pure.
 *
 * Hard rules
 * - Every entry gets exactly `perEntry` (K) different judges.
 * - No judge scores an entry of their own agency (docs/reference/scoring.md step 2, compared with `foldText`); with
 *   `avoid: ['region']` also none of their own region. An empty agency or region never conflicts.
 * - Loads are balanced: every judge's count is within one of every other's. A judge whose agency
 *   (or region) matches every entry can take nothing at all; such judges are left out of the
 *   balance (reported in `idleJudgeIds`) rather than making every panel with one of them
 *   impossible. Balance therefore applies over the judges with at least one allowed entry, whose
 *   loads are all ⌊NK/J⌋ or ⌈NK/J⌉.
 *
 * Soft goals, in this order: with `byCategory`, as many pairs as possible where the judge's
 * expertise lists the entry's category (an optimum, not a heuristic); then a connected judge–entry
 * graph, because z-score normalization compares judges only through the entries they share.
 * Expertise comes first: when the best matching splits the panel (say, judges who know only
 * categories a and b, and others who know only c), it stays split and `connected` is false, so
 * the caller can warn. Without `byCategory` a split is rare: K = 1 always splits, as do too few
 * pairs (connecting N entries and J judges takes N + J − 1) or conflicts that leave no choice.
 * Joining does not depend on the seed: when some assignment with the most matches
 * is connected, the result is connected for every seed (checked against exhaustive search on
 * small panels); on large panels it is bounded work, not a proof.
 *
 * How (the generic network algorithms are in flow.ts): a max flow (source → entry, cap K; entry → allowed judge, cap 1; judge → sink) solved
 * twice — first with every judge capped at the minimum load, which succeeds exactly when every
 * judge can reach it, then with the caps raised to the maximum; augmenting paths never lower a
 * judge's flow, so the minimums survive. Entries, judges and edges are put in a seeded random
 * order first, so the seed picks one of the many valid assignments. Expertise is then maximized
 * by cancelling negative cycles of judge-to-judge moves, and disconnected blocks are joined by
 * cost-neutral cycles of such moves, tried in input order.
 */
import { compareCodePoints, foldText, normalizeName } from '../model/names.js';
import { cheapestPaths, FlowNetwork, negativeCycle, type GraphEdge } from './flow.js';
import { seededRandom, shuffled, type Random } from '../analytics/random.js';
import { maxOf, minOf } from '../model/arrays.js';

export interface AssignEntry {
  id: string;
  agency: string;
  region: string;
  category: string;
}

export interface AssignJudge {
  id: string;
  agency: string;
  region: string;
  /** Category ids the judge knows best; may be empty. */
  expertise: string[];
}

export interface AssignOptions {
  /** Judges per entry (K), a whole number ≥ 1. */
  perEntry: number;
  seed: string | number;
  /** Conflicts to avoid; 'agency' applies whether listed or not. */
  avoid: ('agency' | 'region')[];
  /** Prefer judges whose expertise lists the entry's category. */
  byCategory: boolean;
  /** Declared conflicts (`--conflicts`): entry id → the judge ids that must not score it. */
  declared?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Assignment {
  /** Sorted by entryId, then judgeId (code-point order). */
  pairs: { entryId: string; judgeId: string }[];
  /** Every judge, in input order. */
  loads: { judgeId: string; count: number }[];
  /** Lowest and highest load over the judges with at least one allowed entry (0 when none). */
  minLoad: number;
  maxLoad: number;
  /** (entry, judge) pairs excluded by the avoid rules. */
  conflictsAvoided: number;
  /** Whether the judge–entry graph is one piece (judges with load 0 left out). */
  connected: boolean;
  /** Pairs whose judge's expertise lists the entry's category (counted with or without byCategory). */
  expertiseMatched: number;
  /** Judges who conflict with every entry: load 0, left out of the balance rule. */
  idleJudgeIds: string[];
}

/**
 * Why no assignment exists:
 * - `entry-coverage`: the entries in `entryIds` have fewer than K judges without a conflict;
 * - `judge-minimum`: the judges in `judgeIds` cannot all reach the minimum balanced load;
 * - `judge-maximum`: the entries in `entryIds` cannot be covered unless some judge exceeds the
 *   maximum balanced load.
 */
export type InfeasibleReason = 'entry-coverage' | 'judge-minimum' | 'judge-maximum';

export class InfeasibleAssignment extends Error {
  constructor(
    message: string,
    readonly entryIds: string[],
    readonly judgeIds: string[] = [],
    readonly reason: InfeasibleReason = 'entry-coverage',
  ) {
    super(message);
    this.name = 'InfeasibleAssignment';
  }
}

export function assignJudges(entries: AssignEntry[], judges: AssignJudge[], options: AssignOptions): Assignment {
  const perEntry = options.perEntry;
  if (!Number.isInteger(perEntry) || perEntry < 1) {
    throw new RangeError(`perEntry must be a whole number of at least 1, got ${perEntry}`);
  }
  assertUniqueIds(entries, 'entry');
  assertUniqueIds(judges, 'judge');

  const panel = buildPanel(entries, judges, options);
  checkCoverage(panel, perEntry);

  const eligibleCount = panel.allowedCountOfJudge.filter((c) => c > 0).length;
  const total = entries.length * perEntry;
  const bounds: LoadBounds = {
    min: eligibleCount === 0 ? 0 : Math.floor(total / eligibleCount),
    max: eligibleCount === 0 ? 0 : Math.ceil(total / eligibleCount),
  };
  checkJudgeMinimum(panel, perEntry, bounds, eligibleCount);

  const random = seededRandom(options.seed);
  const state = solveFlow(panel, perEntry, bounds, random, options.byCategory);
  if (options.byCategory) maximizeExpertise(panel, state, bounds);
  // With one judge per entry every judge is its own island: nothing to repair.
  if (perEntry > 1) joinComponents(panel, state, bounds, options.byCategory);

  return summarize(panel, state);
}

// ─── The panel: who may score what ──────────────────────────────────────────────────────────

interface Panel {
  entries: AssignEntry[];
  judges: AssignJudge[];
  /** Row-major entries × judges: 1 when the judge may score the entry. */
  allowed: Uint8Array;
  /** Row-major entries × judges: 1 when the judge's expertise lists the entry's category. */
  expert: Uint8Array;
  /** Per entry, the judges (indices, input order) without a conflict. */
  allowedJudges: number[][];
  allowedCountOfJudge: number[];
  conflicts: number;
  avoidRegion: boolean;
  /** Declared conflicts were given (named in the infeasibility messages). */
  declared: boolean;
}

function buildPanel(entries: AssignEntry[], judges: AssignJudge[], options: AssignOptions): Panel {
  const m = judges.length;
  const avoidRegion = options.avoid.includes('region');
  const judgeAgency = judges.map((j) => foldText(j.agency));
  const judgeRegion = judges.map((j) => foldText(j.region));
  const judgeExpertise = judges.map((j) => new Set(j.expertise.map(normalizeName).filter((c) => c !== '')));
  const allowed = new Uint8Array(entries.length * m);
  const expert = new Uint8Array(entries.length * m);
  const allowedJudges: number[][] = [];
  const allowedCountOfJudge = new Array<number>(m).fill(0);
  let conflicts = 0;
  entries.forEach((entry, i) => {
    const agency = foldText(entry.agency);
    const region = foldText(entry.region);
    const category = normalizeName(entry.category);
    const list: number[] = [];
    const declared = options.declared?.get(entry.id);
    for (let j = 0; j < m; j++) {
      if (judgeExpertise[j]!.has(category)) expert[i * m + j] = 1;
      const conflict =
        (agency !== '' && agency === judgeAgency[j]) ||
        (avoidRegion && region !== '' && region === judgeRegion[j]) ||
        (declared?.has(judges[j]!.id) ?? false);
      if (conflict) {
        conflicts++;
        continue;
      }
      allowed[i * m + j] = 1;
      list.push(j);
      allowedCountOfJudge[j]!++;
    }
    allowedJudges.push(list);
  });
  return {
    entries,
    judges,
    allowed,
    expert,
    allowedJudges,
    allowedCountOfJudge,
    conflicts,
    avoidRegion,
    declared: (options.declared?.size ?? 0) > 0,
  };
}

function assertUniqueIds(items: { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new RangeError(`duplicate ${what} id ${JSON.stringify(id)}`);
    seen.add(id);
  }
}

// ─── Infeasibility, each with a way out ────────────────────────────────────────────────────

interface LoadBounds {
  min: number;
  max: number;
}

function conflictWords(panel: Panel): string {
  return (panel.avoidRegion ? 'agency or region' : 'agency') + (panel.declared ? ', or a declared conflict' : '');
}

/** ", or lower --per-entry" where there is a lower one (one judge per entry is the least). */
function orLowerK(perEntry: number): string {
  return perEntry > 1 ? ', or lower --per-entry' : '';
}

function checkCoverage(panel: Panel, perEntry: number): void {
  const short = panel.entries
    .map((entry, i) => ({ entry, count: panel.allowedJudges[i]!.length }))
    .filter(({ count }) => count < perEntry);
  if (short.length === 0) return;
  const details = listWords(
    short.map(({ entry, count }) => `${entry.id} (${count} allowed ${count === 1 ? 'judge' : 'judges'})`),
  );
  const fewest = minOf(short.map(({ count }) => count));
  const lower = fewest > 0 ? `, or lower --per-entry to ${fewest}` : '';
  throw new InfeasibleAssignment(
    `${short.length} ${short.length === 1 ? 'entry has' : 'entries have'} fewer than ${perEntry} judges ` +
      `without a conflict of interest (same ${conflictWords(panel)}): ${details}. ` +
      `Add judges from other ${panel.avoidRegion ? 'agencies and regions' : 'agencies'}${lower}.`,
    short.map(({ entry }) => entry.id),
    [],
    'entry-coverage',
  );
}

/** The plain case first: a judge with fewer allowed entries than the minimum load. */
function checkJudgeMinimum(panel: Panel, perEntry: number, bounds: LoadBounds, eligibleCount: number): void {
  const short = panel.judges
    .map((judge, j) => ({ judge, count: panel.allowedCountOfJudge[j]! }))
    .filter(({ count }) => count > 0 && count < bounds.min);
  if (short.length === 0) return;
  const details = listWords(short.map(({ judge, count }) => `${judge.id} (${count})`));
  throw new InfeasibleAssignment(
    `Judge loads cannot be balanced: ${panel.entries.length} entries × ${perEntry} judge${perEntry === 1 ? '' : 's'} over ${eligibleCount} judges ` +
      `means every judge scores at least ${bounds.min} entries, but ${short.length === 1 ? 'this judge' : 'these judges'} ` +
      `may score fewer (the rest share their ${conflictWords(panel)}): ${details}. ` +
      `Remove ${short.length === 1 ? 'it' : 'them'} from the judges file${perEntry > 1 ? ', add judges, or lower --per-entry' : ' or add judges'}.`,
    [],
    short.map(({ judge }) => judge.id),
    'judge-minimum',
  );
}

function listWords(items: string[], limit = 10): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}

// ─── Balanced loads: a max flow over the panel (the network is flow.ts) ─────────────────────

interface AssignmentState {
  /** Row-major entries × judges: 1 when the judge scores the entry. */
  assigned: Uint8Array;
  judgesOfEntry: number[][];
  loads: number[];
}

function solveFlow(
  panel: Panel,
  perEntry: number,
  bounds: LoadBounds,
  random: Random,
  byCategory: boolean,
): AssignmentState {
  const n = panel.entries.length;
  const m = panel.judges.length;
  const source = 0;
  const sink = 1 + n + m;
  const entryNode = (i: number) => 1 + i;
  const judgeNode = (j: number) => 1 + n + j;
  const net = new FlowNetwork(sink + 1);

  // Sink edges first, so that a judge's search tries the sink before re-routing other entries.
  const sinkEdge: number[] = [];
  for (const j of shuffled(range(m), random)) {
    if (panel.allowedCountOfJudge[j]! > 0) sinkEdge[j] = net.addEdge(judgeNode(j), sink, bounds.min);
  }
  const entryOrder = shuffled(range(n), random);
  const sourceEdge: number[] = [];
  for (const i of entryOrder) sourceEdge[i] = net.addEdge(source, entryNode(i), perEntry);
  const judgeEdges: { edge: number; judge: number }[][] = [];
  for (const i of entryOrder) {
    let order = shuffled(panel.allowedJudges[i]!, random);
    if (byCategory) {
      const isExpert = (j: number) => panel.expert[i * m + j] === 1;
      order = [...order.filter(isExpert), ...order.filter((j) => !isExpert(j))];
    }
    judgeEdges[i] = order.map((judge) => ({ edge: net.addEdge(entryNode(i), judgeNode(judge), 1), judge }));
  }

  // A greedy first pass does most of the work; the max flow finishes it.
  const greedyFill = (): number => {
    let flow = 0;
    for (const i of entryOrder) {
      for (const { edge, judge } of judgeEdges[i]!) {
        if (net.cap[sourceEdge[i]!] === 0) break;
        if (net.cap[edge] === 0 || net.cap[sinkEdge[judge]!] === 0) continue;
        net.pushUnit(sourceEdge[i]!);
        net.pushUnit(edge);
        net.pushUnit(sinkEdge[judge]!);
        flow++;
      }
    }
    return flow;
  };

  const eligible = range(m).filter((j) => sinkEdge[j] !== undefined);
  let flow = greedyFill() + net.maxFlow(source, sink);
  if (flow < eligible.length * bounds.min) {
    const side = net.reaching(sink);
    const stuck = eligible.filter((j) => side[judgeNode(j)]).map((j) => panel.judges[j]!.id);
    throw new InfeasibleAssignment(
      `Judge loads cannot be balanced: every judge must score at least ${bounds.min} entries, but ` +
        `${listWords(stuck)} between them may score too few entries (the others share their ${conflictWords(panel)} ` +
        `or are needed by other judges). Remove some of them from the judges file${perEntry > 1 ? ', add judges from other agencies, or lower --per-entry' : ' or add judges from other agencies'}.`,
      [],
      stuck,
      'judge-minimum',
    );
  }

  for (const j of eligible) net.cap[sinkEdge[j]!]! += bounds.max - bounds.min;
  flow += greedyFill() + net.maxFlow(source, sink);
  if (flow < n * perEntry) {
    const side = net.reachableFrom(source);
    const stuck = range(n)
      .filter((i) => side[entryNode(i)])
      .map((i) => panel.entries[i]!.id);
    throw new InfeasibleAssignment(
      `Judge loads cannot be balanced: no judge may score more than ${bounds.max} entries, but ` +
        `${listWords(stuck)} need more judges than the judges allowed to score them can give within that limit. ` +
        `Add judges from other ${panel.avoidRegion ? 'agencies and regions' : 'agencies'}${orLowerK(perEntry)}.`,
      stuck,
      [],
      'judge-maximum',
    );
  }

  const assigned = new Uint8Array(n * m);
  const judgesOfEntry: number[][] = [];
  const loads = new Array<number>(m).fill(0);
  for (let i = 0; i < n; i++) {
    const chosen = judgeEdges[i]!.filter(({ edge }) => net.cap[edge] === 0).map(({ judge }) => judge);
    for (const j of chosen) {
      assigned[i * m + j] = 1;
      loads[j]!++;
    }
    judgesOfEntry.push(chosen);
  }
  return { assigned, judgesOfEntry, loads };
}

// ─── Moves between judges: the graph both optimisations walk ────────────────────────────────

/**
 * A move takes one entry from judge a to judge b (allowed, b not already on it); its cost is
 * the change in unmatched expertise pairs (−1, 0 or +1; always 0 without byCategory). A cycle
 * of moves keeps every load; a chain that starts at a judge above the minimum and ends at one
 * below the maximum (the cycle passes the "slack" node, index m) shifts one unit of load. Every
 * cycle therefore keeps every rule: K judges per entry, no conflict, loads within the bounds.
 */
class MoveGraph {
  private readonly m: number;
  private readonly mm: number;
  /** moveCount[(delta + 1) * m² + a * m + b]: entries that could move from a to b at that cost. */
  private readonly moveCount: Int32Array;
  readonly slack: number;

  constructor(
    private readonly panel: Panel,
    private readonly state: AssignmentState,
    private readonly bounds: LoadBounds,
    private readonly byCategory: boolean,
  ) {
    this.m = panel.judges.length;
    this.mm = this.m * this.m;
    this.slack = this.m;
    this.moveCount = new Int32Array(3 * this.mm);
    for (let i = 0; i < panel.entries.length; i++) this.account(i, 1);
  }

  cost(i: number, j: number): number {
    return this.byCategory ? 1 - this.panel.expert[i * this.m + j]! : 0;
  }

  private account(i: number, sign: 1 | -1): void {
    const { m, mm, state, panel } = this;
    for (const a of state.judgesOfEntry[i]!) {
      for (const b of panel.allowedJudges[i]!) {
        if (state.assigned[i * m + b]) continue;
        this.moveCount[(this.cost(i, b) - this.cost(i, a) + 1) * mm + a * m + b]! += sign;
      }
    }
  }

  /** The cheapest move from a to b now, or undefined when none is possible. */
  moveCost(a: number, b: number): number | undefined {
    for (let delta = -1; delta <= 1; delta++)
      if (this.moveCount[(delta + 1) * this.mm + a * this.m + b]! > 0) return delta;
    return undefined;
  }

  /** Every possible move and load shift now, as weighted edges over m + 1 nodes. */
  edges(): GraphEdge[] {
    const { m, slack, state, bounds, panel } = this;
    const edges: GraphEdge[] = [];
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        const w = a === b ? undefined : this.moveCost(a, b);
        if (w !== undefined) edges.push({ from: a, to: b, weight: w });
      }
      if (panel.allowedCountOfJudge[a]! === 0) continue;
      if (state.loads[a]! > bounds.min) edges.push({ from: slack, to: a, weight: 0 });
      if (state.loads[a]! < bounds.max) edges.push({ from: a, to: slack, weight: 0 });
    }
    return edges;
  }

  /** The cycle's cost now, or undefined when one of its steps is no longer possible. */
  cycleCost(cycle: readonly number[]): number | undefined {
    const { slack, state, bounds } = this;
    let total = 0;
    for (let k = 0; k < cycle.length; k++) {
      const a = cycle[k]!;
      const b = cycle[(k + 1) % cycle.length]!;
      if (a === slack) {
        if (state.loads[b]! <= bounds.min) return undefined;
      } else if (b === slack) {
        if (state.loads[a]! >= bounds.max) return undefined;
      } else {
        const w = this.moveCost(a, b);
        if (w === undefined) return undefined;
        total += w;
      }
    }
    return total;
  }

  /** The entries that can move from a to b at cost w, in input order. */
  entriesFor(a: number, b: number, w: number): number[] {
    const { m, state, panel } = this;
    const found: number[] = [];
    for (let i = 0; i < panel.entries.length; i++) {
      if (
        state.assigned[i * m + a] &&
        !state.assigned[i * m + b] &&
        panel.allowed[i * m + b] &&
        this.cost(i, b) - this.cost(i, a) === w
      )
        found.push(i);
    }
    return found;
  }

  /**
   * Applies a cycle whose steps are all possible (cycleCost defined), each at its cheapest cost;
   * the first step moves `firstEntry` when given. Returns the moves, for `undo`.
   */
  apply(cycle: readonly number[], firstEntry?: number): Move[] {
    const { slack } = this;
    // Choose every move's entry before applying any: with distinct judges on the cycle the
    // moves never interfere, even when two of them move the same entry.
    const moves: Move[] = [];
    for (let k = 0; k < cycle.length; k++) {
      const a = cycle[k]!;
      const b = cycle[(k + 1) % cycle.length]!;
      if (a === slack || b === slack) continue;
      const entry = k === 0 && firstEntry !== undefined ? firstEntry : this.entriesFor(a, b, this.moveCost(a, b)!)[0];
      if (entry === undefined) throw new Error(`internal: no entry moves from judge ${a} to ${b}`);
      moves.push({ entry, from: a, to: b });
    }
    this.perform(moves);
    return moves;
  }

  undo(moves: readonly Move[]): void {
    this.perform(moves.map(({ entry, from, to }) => ({ entry, from: to, to: from })));
  }

  private perform(moves: readonly Move[]): void {
    const touched = [...new Set(moves.map((mv) => mv.entry))];
    for (const i of touched) this.account(i, -1);
    for (const { entry, from, to } of moves) moveEntry(this.state, this.m, entry, from, to);
    for (const i of touched) this.account(i, 1);
  }
}

interface Move {
  entry: number;
  from: number;
  to: number;
}

// ─── Expertise: cancel negative cycles of judge-to-judge moves ─────────────────────────────

/**
 * The assignment has the most expertise matches possible exactly when the move graph has no
 * negative cycle (min-cost flow optimality), found by Bellman–Ford on its J + 1 nodes.
 */
function maximizeExpertise(panel: Panel, state: AssignmentState, bounds: LoadBounds): void {
  const moves = new MoveGraph(panel, state, bounds, true);
  for (;;) {
    const cycle = negativeCycle(panel.judges.length + 1, moves.edges());
    if (!cycle) return;
    // A cycle usually stays negative for many rounds; cancel it until it is not, then search again.
    while ((moves.cycleCost(cycle) ?? 0) < 0) moves.apply(cycle);
  }
}

function moveEntry(state: AssignmentState, m: number, entry: number, from: number, to: number): void {
  state.assigned[entry * m + from] = 0;
  state.assigned[entry * m + to] = 1;
  const judges = state.judgesOfEntry[entry]!;
  judges[judges.indexOf(from)] = to;
  state.loads[from]!--;
  state.loads[to]!++;
}

// ─── Connectivity: join blocks by cost-neutral cycles of moves ─────────────────────────────

/** Work allowed for joining, in pairs looked at (each try recounts the blocks: N·K pairs). */
const JOIN_WORK_BUDGET = 200_000_000;

/**
 * Joins blocks of the judge–entry graph, deterministically (input order, no seed): a move of
 * an entry from judge a to judge b of another block links the two blocks; closed into a cycle
 * of moves back to a at zero total cost (a cheapest path b ⇝ a costing minus the move's cost),
 * it keeps every rule and the expertise count. Every cycle is tried, with every entry a could
 * hand over, until one leaves fewer blocks (the others of the cycle may cut a link elsewhere);
 * repeated until the graph is one piece or no cycle joins anything. Any other assignment with
 * the same loads' bounds and expertise count differs from this one by such cycles, so a split
 * that stays is nearly always forced (by conflicts, K = 1, too few pairs, or expertise first);
 * the search is bounded work, not a proof.
 */
function joinComponents(panel: Panel, state: AssignmentState, bounds: LoadBounds, byCategory: boolean): void {
  const m = panel.judges.length;
  const moves = new MoveGraph(panel, state, bounds, byCategory);
  const pairs = panel.entries.length * (state.judgesOfEntry[0]?.length ?? 0);
  let work = 0;
  let blocks = components(panel, state);
  const tryCycle = (cycle: number[], entry: number): boolean => {
    work += pairs;
    const done = moves.apply(cycle, entry);
    const after = components(panel, state);
    if (after.count < blocks.count) {
      blocks = after;
      return true;
    }
    moves.undo(done);
    return false;
  };
  const joinOnce = (): boolean => {
    const blockOf = (j: number) => (state.loads[j]! > 0 ? blocks.rootOfJudge[j]! : -1);
    const edges = moves.edges();
    for (let b = 0; b < m; b++) {
      if (blockOf(b) < 0) continue;
      const { dist, pred } = cheapestPaths(m + 1, edges, b);
      for (let a = 0; a < m; a++) {
        if (a === b || blockOf(a) < 0 || blockOf(a) === blockOf(b)) continue;
        const w = moves.moveCost(a, b);
        if (w === undefined || dist[a]! + w !== 0) continue;
        // The cycle a → b ⇝ a, its nodes in order.
        const back: number[] = [];
        for (let v = a; v !== b; v = pred[v]!) back.push(v);
        const cycle = [a, b, ...back.slice(1).reverse()];
        if (new Set(cycle).size !== cycle.length) continue;
        for (const entry of moves.entriesFor(a, b, w)) {
          if (work > JOIN_WORK_BUDGET) return false;
          if (tryCycle(cycle, entry)) return true;
        }
      }
    }
    return false;
  };
  while (blocks.count > 1 && joinOnce());
}

/** Blocks of the judge–entry graph, counting entries and the judges with a load. */
function components(
  panel: Panel,
  state: AssignmentState,
): { count: number; rootOfEntry: Int32Array; rootOfJudge: Int32Array } {
  const n = panel.entries.length;
  const m = panel.judges.length;
  const parent = Int32Array.from(range(n + m));
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (const j of state.judgesOfEntry[i]!) {
      const a = find(i);
      const b = find(n + j);
      if (a !== b) parent[a] = b;
    }
  }
  const roots = new Set<number>();
  const rootOfEntry = new Int32Array(n);
  for (let i = 0; i < n; i++) roots.add((rootOfEntry[i] = find(i)));
  const rootOfJudge = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    rootOfJudge[j] = find(n + j);
    if (state.loads[j]! > 0) roots.add(rootOfJudge[j]!);
  }
  return { count: roots.size, rootOfEntry, rootOfJudge };
}

// ─── Result ────────────────────────────────────────────────────────────────────────────────

function summarize(panel: Panel, state: AssignmentState): Assignment {
  const m = panel.judges.length;
  const pairs: Assignment['pairs'] = [];
  let expertiseMatched = 0;
  panel.entries.forEach((entry, i) => {
    for (const j of state.judgesOfEntry[i]!) {
      pairs.push({ entryId: entry.id, judgeId: panel.judges[j]!.id });
      expertiseMatched += panel.expert[i * m + j]!;
    }
  });
  pairs.sort((x, y) => compareCodePoints(x.entryId, y.entryId) || compareCodePoints(x.judgeId, y.judgeId));
  const eligibleLoads = state.loads.filter((_, j) => panel.allowedCountOfJudge[j]! > 0);
  return {
    pairs,
    loads: panel.judges.map((judge, j) => ({ judgeId: judge.id, count: state.loads[j]! })),
    minLoad: eligibleLoads.length === 0 ? 0 : minOf(eligibleLoads),
    maxLoad: eligibleLoads.length === 0 ? 0 : maxOf(eligibleLoads),
    conflictsAvoided: panel.conflicts,
    connected: components(panel, state).count <= 1,
    expertiseMatched,
    idleJudgeIds: panel.judges.filter((_, j) => panel.allowedCountOfJudge[j] === 0).map((judge) => judge.id),
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
