// biome-ignore-all lint/style/noNonNullAssertion: typed-array indices here are in range by construction.
// A force-directed layout for graphs too large for fcose, whose refinement step runs at least 5 iterations
// per node, each costing up to the square of the node count: 10 s for 1,000 institutions, minutes for 5,000.
// This is ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6): e98679) with a Barnes–Hut quadtree, so an
// iteration costs n·log n, and a final pass that pushes overlapping nodes apart. Pure and deterministic.

export interface ForceNode {
  id: string;
  x: number;
  y: number;
  /** Diameter on screen, in pixels. */
  size: number;
}
export interface ForceEdge {
  source: string;
  target: string;
}
export interface ForceOptions {
  /** ForceAtlas2 iterations; the default grows more slowly than the graph. */
  iterations?: number;
  /** Space kept around each node by the anti-overlap pass, in pixels. */
  margin?: number;
}

/** Barnes–Hut: a cell this much smaller than its distance acts as one body at its centre of mass. */
const THETA = 1.2;
const MAX_DEPTH = 24;

/** A quadtree over the nodes, rebuilt each iteration; cells live in flat arrays, children in fours. */
class QuadTree {
  mass: Float64Array;
  massX: Float64Array;
  massY: Float64Array;
  x0: Float64Array;
  y0: Float64Array;
  side: Float64Array;
  /** Index of the first of four children, or -1 for a leaf. */
  child: Int32Array;
  /** The one node of a leaf, -1 if empty, -2 for a full leaf at the depth limit (nodes on one point). */
  node: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.mass = new Float64Array(capacity);
    this.massX = new Float64Array(capacity);
    this.massY = new Float64Array(capacity);
    this.x0 = new Float64Array(capacity);
    this.y0 = new Float64Array(capacity);
    this.side = new Float64Array(capacity);
    this.child = new Int32Array(capacity);
    this.node = new Int32Array(capacity);
  }

  private cell(x0: number, y0: number, side: number): number {
    const c = this.count++;
    this.mass[c] = 0;
    this.massX[c] = 0;
    this.massY[c] = 0;
    this.x0[c] = x0;
    this.y0[c] = y0;
    this.side[c] = side;
    this.child[c] = -1;
    this.node[c] = -1;
    return c;
  }

  private quadrant(c: number, x: number, y: number): number {
    const half = this.side[c]! / 2;
    return this.child[c]! + (x >= this.x0[c]! + half ? 1 : 0) + (y >= this.y0[c]! + half ? 2 : 0);
  }

  build(xs: Float64Array, ys: Float64Array, masses: Float64Array): void {
    this.count = 0;
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < xs.length; i++) {
      minX = Math.min(minX, xs[i]!);
      maxX = Math.max(maxX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxY = Math.max(maxY, ys[i]!);
    }
    this.cell(minX, minY, Math.max(maxX - minX, maxY - minY, 1e-9) * 1.0001);
    for (let i = 0; i < xs.length; i++) this.insert(i, xs, ys, masses);
  }

  private insert(i: number, xs: Float64Array, ys: Float64Array, masses: Float64Array): void {
    let c = 0;
    for (let depth = 0; ; depth++) {
      this.mass[c]! += masses[i]!;
      this.massX[c]! += masses[i]! * xs[i]!;
      this.massY[c]! += masses[i]! * ys[i]!;
      if (this.child[c]! >= 0) {
        c = this.quadrant(c, xs[i]!, ys[i]!);
        continue;
      }
      const resident = this.node[c]!;
      if (resident === -1) {
        this.node[c] = i;
        return;
      }
      if (resident === -2 || depth >= MAX_DEPTH) {
        this.node[c] = -2;
        return;
      }
      // Split: the resident moves down into its quadrant, then the new node goes on down.
      const half = this.side[c]! / 2;
      const first = this.cell(this.x0[c]!, this.y0[c]!, half);
      this.cell(this.x0[c]! + half, this.y0[c]!, half);
      this.cell(this.x0[c]!, this.y0[c]! + half, half);
      this.cell(this.x0[c]! + half, this.y0[c]! + half, half);
      this.child[c] = first;
      this.node[c] = -1;
      const down = this.quadrant(c, xs[resident]!, ys[resident]!);
      this.mass[down] = masses[resident]!;
      this.massX[down] = masses[resident]! * xs[resident]!;
      this.massY[down] = masses[resident]! * ys[resident]!;
      this.node[down] = resident;
      c = this.quadrant(c, xs[i]!, ys[i]!);
    }
  }
}

/**
 * Iterations for a graph of n nodes: 400 for small graphs, fewer as they grow (each costs n·log n), down to
 * 150, which measured within 3% of 400 on edge lengths for 4,450 institutions at a third of the time.
 */
export function defaultIterations(n: number): number {
  return Math.round(Math.min(400, Math.max(150, 300_000 / Math.max(1, n))));
}

/** New positions (pixels, centred on 0,0) for the nodes, from their start positions. */
export function forceLayout(
  nodes: readonly ForceNode[],
  edges: readonly ForceEdge[],
  options: ForceOptions = {},
): Map<string, { x: number; y: number }> {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i] as const));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const mass = new Float64Array(n).fill(1);
  const sources: number[] = [];
  const targets: number[] = [];
  for (const edge of edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    sources.push(s);
    targets.push(t);
    mass[s]!++;
    mass[t]!++;
  }
  // Half a pixel of spiral jitter: nodes that start on one point feel no force between them otherwise.
  nodes.forEach((node, i) => {
    xs[i] = node.x + 0.5 * Math.cos(i * 2.4);
    ys[i] = node.y + 0.5 * Math.sin(i * 2.4);
  });
  if (n < 2) return new Map(nodes.map((node) => [node.id, { x: node.x, y: node.y }] as const));

  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const oldDx = new Float64Array(n);
  const oldDy = new Float64Array(n);
  const convergence = new Float64Array(n).fill(1);
  const tree = new QuadTree(8 * n + 64);
  const stack = new Int32Array(4 * MAX_DEPTH + 8);
  // ForceAtlas2's settings for large graphs: strong gravity keeps the components together.
  const scaling = 10;
  const gravity = 0.05;
  const slowDown = 1 + Math.log(n);
  const iterations = options.iterations ?? defaultIterations(n);

  for (let iteration = 0; iteration < iterations; iteration++) {
    oldDx.set(dx);
    oldDy.set(dy);
    dx.fill(0);
    dy.fill(0);
    tree.build(xs, ys, mass);
    // Repulsion ∝ the product of the masses (degree + 1) over the distance: hubs keep their space.
    for (let i = 0; i < n; i++) {
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top]!;
        if (tree.mass[c]! === 0 || tree.node[c]! === i) continue;
        const cx = tree.massX[c]! / tree.mass[c]!;
        const cy = tree.massY[c]! / tree.mass[c]!;
        const ddx = xs[i]! - cx;
        const ddy = ys[i]! - cy;
        const d2 = ddx * ddx + ddy * ddy;
        const side = tree.side[c]!;
        if (tree.child[c]! < 0 || side * side < THETA * THETA * d2) {
          if (d2 > 0) {
            const factor = (scaling * mass[i]! * tree.mass[c]!) / d2;
            dx[i]! += ddx * factor;
            dy[i]! += ddy * factor;
          }
        } else {
          const first = tree.child[c]!;
          stack[top++] = first;
          stack[top++] = first + 1;
          stack[top++] = first + 2;
          stack[top++] = first + 3;
        }
      }
    }
    // Strong gravity, proportional to the distance from the centre.
    for (let i = 0; i < n; i++) {
      dx[i]! -= xs[i]! * mass[i]! * gravity;
      dy[i]! -= ys[i]! * mass[i]! * gravity;
    }
    // Linear attraction along the edges.
    for (let e = 0; e < sources.length; e++) {
      const s = sources[e]!;
      const t = targets[e]!;
      const ddx = xs[s]! - xs[t]!;
      const ddy = ys[s]! - ys[t]!;
      dx[s]! -= ddx;
      dy[s]! -= ddy;
      dx[t]! += ddx;
      dy[t]! += ddy;
    }
    // Each node moves as far as its force has been steady: swinging slows it, traction speeds it up.
    for (let i = 0; i < n; i++) {
      const swing = mass[i]! * Math.hypot(oldDx[i]! - dx[i]!, oldDy[i]! - dy[i]!);
      const traction = Math.hypot(oldDx[i]! + dx[i]!, oldDy[i]! + dy[i]!) / 2;
      const speed = (convergence[i]! * Math.log(1 + traction)) / (1 + Math.sqrt(swing));
      convergence[i] = Math.min(
        1,
        Math.sqrt((speed * (dx[i]! * dx[i]! + dy[i]! * dy[i]!)) / (1 + Math.sqrt(swing))),
      );
      xs[i]! += dx[i]! * (speed / slowDown);
      ys[i]! += dy[i]! * (speed / slowDown);
    }
  }
  fitToSizes(nodes, xs, ys, tree, options.margin ?? 8);
  return positionsOf(nodes, xs, ys);
}

/**
 * ForceAtlas2's units are arbitrary: scale so nodes have room on average, then push apart the ones that
 * still overlap (a few passes of pairwise separation among close neighbours, found with the quadtree).
 */
function fitToSizes(
  nodes: readonly ForceNode[],
  xs: Float64Array,
  ys: Float64Array,
  tree: QuadTree,
  margin: number,
): void {
  const n = nodes.length;
  const radius = Float64Array.from(nodes, (node) => node.size / 2 + margin / 2);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += xs[i]! / n;
    cy += ys[i]! / n;
  }
  // Mean nearest-neighbour distance ≈ the typical diameter plus margin.
  let nearest = 0;
  const ones = new Float64Array(n).fill(1);
  tree.build(xs, ys, ones);
  for (let i = 0; i < n; i++) nearest += Math.sqrt(nearestSquared(tree, xs, ys, i)) / n;
  let diameter = 0;
  for (let i = 0; i < n; i++) diameter += (2 * radius[i]!) / n;
  const scale = nearest > 0 ? diameter / nearest : 1;
  for (let i = 0; i < n; i++) {
    xs[i] = (xs[i]! - cx) * scale;
    ys[i] = (ys[i]! - cy) * scale;
  }
  const maxRadius = Math.max(...radius);
  const stack = new Int32Array(4 * MAX_DEPTH + 8);
  for (let pass = 0; pass < 12; pass++) {
    tree.build(xs, ys, ones);
    let moved = false;
    for (let i = 0; i < n; i++) {
      const reach = radius[i]! + maxRadius;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top]!;
        if (tree.mass[c]! === 0) continue;
        // Skip cells that no node within reach can be in.
        if (
          xs[i]! + reach < tree.x0[c]! ||
          xs[i]! - reach > tree.x0[c]! + tree.side[c]! ||
          ys[i]! + reach < tree.y0[c]! ||
          ys[i]! - reach > tree.y0[c]! + tree.side[c]!
        )
          continue;
        if (tree.child[c]! >= 0) {
          const first = tree.child[c]!;
          stack[top++] = first;
          stack[top++] = first + 1;
          stack[top++] = first + 2;
          stack[top++] = first + 3;
          continue;
        }
        const j = tree.node[c]!;
        if (j < 0 || j <= i) continue;
        let ddx = xs[j]! - xs[i]!;
        let ddy = ys[j]! - ys[i]!;
        let d = Math.hypot(ddx, ddy);
        const want = radius[i]! + radius[j]!;
        if (d >= want) continue;
        if (d === 0) {
          // Nodes on one point part along a direction set by their indices, so the result is repeatable.
          ddx = Math.cos(i + j);
          ddy = Math.sin(i + j);
          d = 1e-9;
        }
        const push = (want - d) / 2 / d;
        xs[i]! -= ddx * push;
        ys[i]! -= ddy * push;
        xs[j]! += ddx * push;
        ys[j]! += ddy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

function nearestSquared(tree: QuadTree, xs: Float64Array, ys: Float64Array, i: number): number {
  let best = Number.POSITIVE_INFINITY;
  const stack: number[] = [0];
  while (stack.length > 0) {
    const c = stack.pop() as number;
    if (tree.mass[c]! === 0) continue;
    // Distance from the point to the cell's square; no closer node can be inside a cell farther than best.
    const ox = Math.max(tree.x0[c]! - xs[i]!, 0, xs[i]! - (tree.x0[c]! + tree.side[c]!));
    const oy = Math.max(tree.y0[c]! - ys[i]!, 0, ys[i]! - (tree.y0[c]! + tree.side[c]!));
    if (ox * ox + oy * oy >= best) continue;
    if (tree.child[c]! >= 0) {
      const first = tree.child[c]!;
      for (let k = 0; k < 4; k++) stack.push(first + k);
    } else if (tree.node[c]! >= 0 && tree.node[c]! !== i) {
      const j = tree.node[c]!;
      best = Math.min(best, (xs[j]! - xs[i]!) ** 2 + (ys[j]! - ys[i]!) ** 2);
    } else if (tree.node[c]! === -2) {
      best = Math.min(best, 0);
    }
  }
  return Number.isFinite(best) ? best : 0;
}

function positionsOf(nodes: readonly ForceNode[], xs: Float64Array, ys: Float64Array) {
  return new Map(nodes.map((node, i) => [node.id, { x: xs[i]!, y: ys[i]! }] as const));
}
