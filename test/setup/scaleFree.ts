// Test graphs shaped like the synthetic ecosystems: preferential attachment, so a few hubs and many small
// institutions. Deterministic for a seed.

/** A linear congruential generator in [0, 1): the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** `perNode` links from each node i ≥ 1 to an earlier one, mostly (80%) in proportion to its degree. */
export function preferentialLinks(n: number, perNode: number, random: () => number): Array<[number, number]> {
  const links: Array<[number, number]> = [];
  const ends: number[] = [];
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < perNode; k++) {
      const j =
        ends.length && random() < 0.8
          ? (ends[Math.floor(random() * ends.length)] as number)
          : Math.floor(random() * i);
      links.push([i, j]);
      ends.push(i, j);
    }
  }
  return links;
}
