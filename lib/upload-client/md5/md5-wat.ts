// Writes the WebAssembly text of Slipway's MD5 module from RFC 1321's tables: one round schedule,
// emitted twice — for 8 independent messages, 4 in the lanes of each of two i32x4 groups (the
// multi-buffer technique of isa-l_crypto's md5_mb), and for one message with plain i32s. Compiled
// at build time (scripts/build-workers.mjs) and by the unit tests; nothing generated is committed.
// No imports: scripts/build-workers.mjs loads this file with Node's type stripping.
//
// Exports of the module (every pointer is a byte offset in its memory):
//   md5x8(p0, …, p7, blocks)  hashes `blocks` 64-byte blocks of lane i's message from p_i
//   md5x1(lane, p, blocks)    the same for one lane alone, on the same state
// State: lane i's A, B, C, D are the i32s at s, s + 16, s + 32, s + 48 with s = 64 × (i >> 2) +
// 4 × (i & 3), so one v128 load reads one register of a group's four lanes.
//
// Why 8 lanes: each MD5 step waits for the one before, so one i32x4 group is bound by the latency
// of its chain, not by the CPU's throughput. A second group in the same loop hashes nearly for
// free (measured in Node 24: 4 lanes ~1,100 MiB/s, 8 lanes ~2,000, 12 lanes ~2,600, one scalar
// stream ~700); 8 is what the upload engine keeps queued (it hashes 12 parts ahead).

/** RFC 1321 3.4: T[i] = floor(2^32 × |sin(i + 1)|) (the test vectors check every one of them). */
const T = Array.from({ length: 64 }, (_, i) => Math.floor(2 ** 32 * Math.abs(Math.sin(i + 1))) >>> 0);

/** Rotation of each step, by round and step mod 4. */
const SHIFTS = [
  [7, 12, 17, 22],
  [5, 9, 14, 20],
  [4, 11, 16, 23],
  [6, 10, 15, 21],
];

/** Which message word step j of each round adds. */
const WORD = [(j: number) => j, (j: number) => (1 + 5 * j) % 16, (j: number) => (5 + 3 * j) % 16, (j: number) => (7 * j) % 16];

/** The operations a round needs, on one of the two register kinds. */
interface Isa {
  add: (x: string, y: string) => string;
  /** x rotated left; may use local `temp`. */
  rotl: (x: string, bits: number, temp: string) => string;
  constant: (value: number) => string;
  /** F, G, H, I of RFC 1321 3.4. */
  round: Array<(b: string, c: string, d: string) => string>;
}

const v128: Isa = {
  add: (x, y) => `(i32x4.add ${x} ${y})`,
  // No vector rotate in wasm SIMD: (x << n) | (x >>> 32 - n), x in $t.
  rotl: (x, n, t) => `(local.set $${t} ${x}) (v128.or (i32x4.shl (local.get $${t}) (i32.const ${n})) (i32x4.shr_u (local.get $${t}) (i32.const ${32 - n})))`,
  constant: (value) => `(v128.const i32x4 ${value} ${value} ${value} ${value})`,
  round: [
    (b, c, d) => `(v128.bitselect ${c} ${d} ${b})`, // (b & c) | (~b & d)
    (b, c, d) => `(v128.bitselect ${b} ${c} ${d})`, // (b & d) | (c & ~d)
    (b, c, d) => `(v128.xor ${b} (v128.xor ${c} ${d}))`,
    (b, c, d) => `(v128.xor ${c} (v128.or ${b} (v128.not ${d})))`,
  ],
};

const i32: Isa = {
  add: (x, y) => `(i32.add ${x} ${y})`,
  rotl: (x, n) => `(i32.rotl ${x} (i32.const ${n}))`,
  constant: (value) => `(i32.const ${value | 0})`,
  round: [
    (b, c, d) => `(i32.xor ${d} (i32.and ${b} (i32.xor ${c} ${d})))`,
    (b, c, d) => `(i32.xor ${c} (i32.and ${d} (i32.xor ${b} ${c})))`,
    (b, c, d) => `(i32.xor ${b} (i32.xor ${c} ${d}))`,
    (b, c, d) => `(i32.xor ${c} (i32.or ${b} (i32.xor ${d} (i32.const -1))))`,
  ],
};

const get = (name: string) => `(local.get $${name})`;
const names = (prefixes: string[], group: string) => prefixes.map((name) => `${name}${group}`);
const STATE = ["a", "b", "c", "d"];
const WORDS = Array.from({ length: 16 }, (_, k) => `x${k}_`);

/** The 64 steps of one block on locals $a<g> $b<g> $c<g> $d<g>, message word k in $x<k>_<g>. */
function steps(isa: Isa, g: string): string[] {
  const lines: string[] = [];
  for (let step = 0; step < 64; step++) {
    const round = step >> 4;
    const j = step & 15;
    // a = b + rotl(a + f(b, c, d) + X[k] + T[i], s), the roles turning by one each step. The sum
    // adds f last: a, X[k] and T[i] are ready early, f waits for the b of the step before.
    const [a, b, c, d] = [0, 1, 2, 3].map((r) => `${STATE[(r - j + 16) % 4]}${g}`);
    const early = isa.add(get(a), isa.add(get(`x${WORD[round](j)}_${g}`), isa.constant(T[step])));
    const sum = isa.add(isa.round[round](get(b), get(c), get(d)), early);
    lines.push(`(local.set $${a} ${isa.add(get(b), isa.rotl(sum, SHIFTS[round][j & 3], `t${g}`))})`);
  }
  return lines;
}

/**
 * One block of every group, the groups' steps interleaved: each step waits for the one before
 * (MD5 is a chain), so a second independent group fills the time the CPU would wait.
 */
function blockLoop(isa: Isa, groups: string[], loadWords: string[], advance: string[]): string[] {
  const interleaved = groups.map((g) => steps(isa, g));
  return [
    "(block $done (loop $next",
    "(br_if $done (i32.eqz (local.get $blocks)))",
    ...loadWords,
    ...groups.flatMap((g) => STATE.map((r) => `(local.set $${r}${g}_saved ${get(r + g)})`)),
    ...interleaved[0].flatMap((_, step) => interleaved.map((lines) => lines[step])),
    ...groups.flatMap((g) => STATE.map((r) => `(local.set $${r}${g} ${isa.add(get(r + g), get(`${r}${g}_saved`))})`)),
    ...advance,
    "(local.set $blocks (i32.sub (local.get $blocks) (i32.const 1)))",
    "(br $next)))",
  ];
}

/**
 * Message word k of lanes 4g..4g+3 into $x<k>_<g>, gathered lane by lane. Loading 4 words per
 * lane and transposing them with i8x16.shuffle measured the same (1,175 vs 1,168 MiB/s, 4 lanes,
 * Node 24): the gather is the simpler to read.
 */
function gatherWords(g: number): string[] {
  return WORDS.map((x, k) => {
    let vector = `(v128.load32_zero offset=${4 * k} (local.get $p${4 * g}))`;
    for (let i = 1; i < 4; i++) vector = `(v128.load32_lane offset=${4 * k} ${i} (local.get $p${4 * g + i}) ${vector})`;
    return `(local.set $${x}${g} ${vector})`;
  });
}

const declare = (type: string, list: string[]) => list.map((name) => `(local $${name} ${type})`).join(" ");

/** `lanes` (a multiple of 4) messages at once, 4 per v128; lane i's state at 64 × (i >> 2) + 4 × (i & 3). */
function multiBuffer(lanes: number): string[] {
  const groups = Array.from({ length: lanes / 4 }, (_, g) => String(g));
  const pointers = Array.from({ length: lanes }, (_, i) => `$p${i}`);
  const state = (g: string, r: number) => `offset=${64 * Number(g) + 16 * r} (i32.const 0)`;
  return [
    `(func (export "md5x${lanes}") ${pointers.map((p) => `(param ${p} i32)`).join(" ")} (param $blocks i32)`,
    declare(
      "v128",
      groups.flatMap((g) => [...names(STATE, g), ...names(STATE, `${g}_saved`), ...names(WORDS, g), `t${g}`]),
    ),
    ...groups.flatMap((g) => STATE.map((r, i) => `(local.set $${r}${g} (v128.load ${state(g, i)}))`)),
    ...blockLoop(
      v128,
      groups,
      groups.flatMap((g) => gatherWords(Number(g))),
      pointers.map((p) => `(local.set ${p} (i32.add (local.get ${p}) (i32.const 64)))`),
    ),
    ...groups.flatMap((g) => STATE.map((r, i) => `(v128.store ${state(g, i)} ${get(r + g)})`)),
    ")",
  ];
}

/** One message alone, on one lane's state. */
function singleBuffer(): string[] {
  return [
    '(func (export "md5x1") (param $lane i32) (param $p i32) (param $blocks i32)',
    declare("i32", [...names(STATE, ""), ...names(STATE, "_saved"), ...names(WORDS, ""), "at"]),
    "(local.set $at (i32.add (i32.shl (i32.shr_u (local.get $lane) (i32.const 2)) (i32.const 6)) (i32.shl (i32.and (local.get $lane) (i32.const 3)) (i32.const 2))))",
    ...STATE.map((r, i) => `(local.set $${r} (i32.load offset=${16 * i} (local.get $at)))`),
    ...blockLoop(
      i32,
      [""],
      WORDS.map((x, k) => `(local.set $${x} (i32.load offset=${4 * k} (local.get $p)))`),
      ["(local.set $p (i32.add (local.get $p) (i32.const 64)))"],
    ),
    ...STATE.map((r, i) => `(i32.store offset=${16 * i} (local.get $at) ${get(r)})`),
    ")",
  ];
}

/** Lanes of md5x8: what the module's callers (md5-lanes.ts) size their memory for. */
export const MD5_LANES = 8;

export function md5Wat(): string {
  return ["(module", '(memory (export "memory") 1)', ...multiBuffer(MD5_LANES), ...singleBuffer(), ")", ""].join("\n");
}
