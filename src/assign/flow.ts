/**
 * Generic network algorithms, knowing nothing of judges or entries: a maximum flow on an integer
 * network (Dinic's algorithm, with the canonical minimum cut's two sides), and Bellman–Ford for a
 * negative-weight cycle and for cheapest paths. `policy.ts` builds the assignment on them. Pure.
 */
/** Dinic's algorithm on an integer network; every augmenting path here carries one unit. */
export class FlowNetwork {
  private readonly to: number[] = [];
  readonly cap: number[] = [];
  private readonly adjacency: number[][];

  constructor(nodeCount: number) {
    this.adjacency = Array.from({ length: nodeCount }, () => []);
  }

  /** Adds u → v with capacity c (and its residual twin); returns the edge index. */
  addEdge(u: number, v: number, c: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(c, 0);
    this.adjacency[u]!.push(e);
    this.adjacency[v]!.push(e + 1);
    return e;
  }

  pushUnit(e: number): void {
    this.cap[e]!--;
    this.cap[e ^ 1]!++;
  }

  /** Augments to a maximum flow from s to t; returns the flow added. */
  maxFlow(s: number, t: number): number {
    const { to, cap, adjacency } = this;
    const n = adjacency.length;
    const level = new Int32Array(n);
    const next = new Int32Array(n);
    const path = new Int32Array(n);
    let added = 0;
    while (this.levels(s, level) && level[t]! >= 0) {
      next.fill(0);
      let depth = 0;
      let u = s;
      for (;;) {
        if (u === t) {
          for (let i = 0; i < depth; i++) this.pushUnit(path[i]!);
          added++;
          depth = 0;
          u = s;
          continue;
        }
        const edges = adjacency[u]!;
        let advanced = false;
        while (next[u]! < edges.length) {
          const e = edges[next[u]!]!;
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === level[u]! + 1) {
            path[depth++] = e;
            u = v;
            advanced = true;
            break;
          }
          next[u]!++;
        }
        if (advanced) continue;
        if (u === s) break;
        level[u] = -1; // a dead end for the rest of this phase
        u = to[path[--depth]! ^ 1]!;
        next[u]!++;
      }
    }
    return added;
  }

  /** Breadth-first levels from s over residual edges; false when nothing is reachable. */
  private levels(s: number, level: Int32Array): boolean {
    level.fill(-1);
    level[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const e of this.adjacency[u]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && level[v]! < 0) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return queue.length > 1;
  }

  /** Nodes reachable from s in the residual graph: the source side of the canonical minimum cut. */
  reachableFrom(s: number): Uint8Array {
    return this.search(s, (e) => e);
  }

  /** Nodes that can reach t in the residual graph: the sink side of the canonical minimum cut. */
  reaching(t: number): Uint8Array {
    return this.search(t, (e) => e ^ 1);
  }

  private search(start: number, residualOf: (e: number) => number): Uint8Array {
    const seen = new Uint8Array(this.adjacency.length);
    seen[start] = 1;
    const stack = [start];
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (const e of this.adjacency[u]!) {
        const v = this.to[e]!;
        if (!seen[v] && this.cap[residualOf(e)]! > 0) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}

export interface GraphEdge {
  from: number;
  to: number;
  weight: number;
}

/** A negative-weight cycle as its nodes in order (distinct), or undefined (Bellman–Ford). */
export function negativeCycle(nodeCount: number, edges: GraphEdge[]): number[] | undefined {
  const dist = new Float64Array(nodeCount); // 0 everywhere: a virtual source reaching every node
  const pred = new Int32Array(nodeCount).fill(-1);
  let last = -1;
  for (let pass = 0; pass < nodeCount; pass++) {
    last = -1;
    for (const { from, to, weight } of edges) {
      if (dist[from]! + weight < dist[to]!) {
        dist[to] = dist[from]! + weight;
        pred[to] = from;
        last = to;
      }
    }
    if (last < 0) return undefined;
  }
  let x = last;
  for (let k = 0; k < nodeCount; k++) x = pred[x]!;
  const reversed = [x];
  for (let v = pred[x]!; v !== x; v = pred[v]!) reversed.push(v);
  return reversed.reverse();
}

/**
 * Cheapest paths from `start` over edges without a negative cycle (Bellman–Ford): each node's
 * cost (Infinity when unreachable) and its predecessor on a cheapest path.
 */
export function cheapestPaths(
  nodeCount: number,
  edges: GraphEdge[],
  start: number,
): { dist: Float64Array; pred: Int32Array } {
  const dist = new Float64Array(nodeCount).fill(Infinity);
  const pred = new Int32Array(nodeCount).fill(-1);
  dist[start] = 0;
  for (let pass = 0; pass < nodeCount; pass++) {
    let changed = false;
    for (const { from, to, weight } of edges) {
      if (dist[from]! + weight < dist[to]!) {
        dist[to] = dist[from]! + weight;
        pred[to] = from;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { dist, pred };
}
