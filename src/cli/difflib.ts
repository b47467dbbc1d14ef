/**
 * Python's difflib.SequenceMatcher (ratio, quick_ratio, real_quick_ratio) and get_close_matches,
 * ported line by line from CPython 3.11's Lib/difflib.py, because the AWS CLI's "maybe you
 * meant" list is `get_close_matches(value, choices, cutoff=0.8)` and a near miss must get the
 * same suggestions (or none) as there. Details that change results and are kept:
 *
 * - sequences are strings of code points (Python str), not UTF-16 units;
 * - get_close_matches matches each possibility (seq1, `a`) against the word (seq2, `b`);
 * - the autojunk heuristic: when `b` has 200 or more elements, every element occurring more than
 *   `len(b) // 100 + 1` times is "popular" and never starts a match;
 * - find_longest_match's extension over junk, and get_matching_blocks' stack order and sort;
 * - heapq.nlargest over `(score, word)`: equal scores put the greater word (by code point) first.
 *
 * There is no well-kept npm port of this; the tests compare it with python3's difflib.
 */

export interface Match {
  a: number;
  b: number;
  size: number;
}

function calculateRatio(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

/** Code points, as Python indexes a str. */
function codePoints(s: string): string[] {
  return Array.from(s);
}

export class SequenceMatcher {
  private a: string[] = [];
  private b: string[] = [];
  private b2j = new Map<string, number[]>();
  private bjunk = new Set<string>();
  private bpopular = new Set<string>();
  private matchingBlocks: Match[] | undefined;
  private fullbcount: Map<string, number> | undefined;

  constructor(
    private readonly isjunk: ((element: string) => boolean) | undefined = undefined,
    a = '',
    b = '',
    private readonly autojunk = true,
  ) {
    this.setSeqs(a, b);
  }

  setSeqs(a: string, b: string): void {
    this.setSeq1(a);
    this.setSeq2(b);
  }

  setSeq1(a: string): void {
    this.a = codePoints(a);
    this.matchingBlocks = undefined;
  }

  setSeq2(b: string): void {
    this.b = codePoints(b);
    this.matchingBlocks = undefined;
    this.fullbcount = undefined;
    this.chainB();
  }

  /** The elements of b that the autojunk heuristic treats as junk. */
  get popular(): ReadonlySet<string> {
    return this.bpopular;
  }

  private chainB(): void {
    const b = this.b;
    const b2j = new Map<string, number[]>();
    this.b2j = b2j;
    b.forEach((elt, i) => {
      const indices = b2j.get(elt);
      if (indices === undefined) b2j.set(elt, [i]);
      else indices.push(i);
    });
    const junk = new Set<string>();
    this.bjunk = junk;
    if (this.isjunk !== undefined) {
      for (const elt of b2j.keys()) if (this.isjunk(elt)) junk.add(elt);
      for (const elt of junk) b2j.delete(elt);
    }
    const popular = new Set<string>();
    this.bpopular = popular;
    const n = b.length;
    if (this.autojunk && n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [elt, idxs] of b2j) if (idxs.length > ntest) popular.add(elt);
      for (const elt of popular) b2j.delete(elt);
    }
  }

  findLongestMatch(alo = 0, ahi = this.a.length, blo = 0, bhi = this.b.length): Match {
    const { a, b, b2j, bjunk } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(a[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    while (besti > alo && bestj > blo && !bjunk.has(b[bestj - 1] as string) && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (
      besti + bestsize < ahi &&
      bestj + bestsize < bhi &&
      !bjunk.has(b[bestj + bestsize] as string) &&
      a[besti + bestsize] === b[bestj + bestsize]
    ) {
      bestsize++;
    }
    while (besti > alo && bestj > blo && bjunk.has(b[bestj - 1] as string) && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (
      besti + bestsize < ahi &&
      bestj + bestsize < bhi &&
      bjunk.has(b[bestj + bestsize] as string) &&
      a[besti + bestsize] === b[bestj + bestsize]
    ) {
      bestsize++;
    }
    return { a: besti, b: bestj, size: bestsize };
  }

  getMatchingBlocks(): Match[] {
    if (this.matchingBlocks !== undefined) return this.matchingBlocks;
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const blocks: Match[] = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
      const x = this.findLongestMatch(alo, ahi, blo, bhi);
      const { a: i, b: j, size: k } = x;
      if (k) {
        blocks.push(x);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    blocks.sort((x, y) => x.a - y.a || x.b - y.b || x.size - y.size);
    let i1 = 0;
    let j1 = 0;
    let k1 = 0;
    const nonAdjacent: Match[] = [];
    for (const { a: i2, b: j2, size: k2 } of blocks) {
      if (i1 + k1 === i2 && j1 + k1 === j2) {
        k1 += k2;
      } else {
        if (k1) nonAdjacent.push({ a: i1, b: j1, size: k1 });
        [i1, j1, k1] = [i2, j2, k2];
      }
    }
    if (k1) nonAdjacent.push({ a: i1, b: j1, size: k1 });
    nonAdjacent.push({ a: la, b: lb, size: 0 });
    this.matchingBlocks = nonAdjacent;
    return nonAdjacent;
  }

  ratio(): number {
    const matches = this.getMatchingBlocks().reduce((sum, m) => sum + m.size, 0);
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  quickRatio(): number {
    if (this.fullbcount === undefined) {
      const full = new Map<string, number>();
      for (const elt of this.b) full.set(elt, (full.get(elt) ?? 0) + 1);
      this.fullbcount = full;
    }
    const fullbcount = this.fullbcount;
    const avail = new Map<string, number>();
    let matches = 0;
    for (const elt of this.a) {
      const numb = avail.has(elt) ? (avail.get(elt) as number) : (fullbcount.get(elt) ?? 0);
      avail.set(elt, numb - 1);
      if (numb > 0) matches++;
    }
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  realQuickRatio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return calculateRatio(Math.min(la, lb), la + lb);
  }
}

/** Python's str ordering: by code point (JS `<` compares UTF-16 units, which differs past U+FFFF). */
function comparePy(x: string, y: string): number {
  const a = codePoints(x);
  const b = codePoints(y);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = ((a[i] as string).codePointAt(0) ?? 0) - ((b[i] as string).codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** difflib.get_close_matches(word, possibilities, n, cutoff): the best matches, best first. */
export function getCloseMatches(word: string, possibilities: Iterable<string>, n = 3, cutoff = 0.6): string[] {
  if (!(n > 0)) throw new RangeError(`n must be > 0: ${n}`);
  if (!(cutoff >= 0 && cutoff <= 1)) throw new RangeError(`cutoff must be in [0.0, 1.0]: ${cutoff}`);
  const result: [number, string][] = [];
  const s = new SequenceMatcher();
  s.setSeq2(word);
  for (const x of possibilities) {
    s.setSeq1(x);
    if (s.realQuickRatio() >= cutoff && s.quickRatio() >= cutoff && s.ratio() >= cutoff) result.push([s.ratio(), x]);
  }
  // heapq.nlargest(n, result): tuples compared score first, then the word.
  result.sort((p, q) => q[0] - p[0] || comparePy(q[1], p[1]));
  return result.slice(0, n).map(([, x]) => x);
}
