import { MD5_LANES } from "./md5-wat";

/** The exports of the module md5-wat.ts describes. */
export interface Md5Wasm {
  memory: WebAssembly.Memory;
  md5x8: (...pointersThenBlocks: number[]) => void;
  md5x1: (lane: number, pointer: number, blocks: number) => void;
}

const IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]; // RFC 1321 3.3
const STATE_BYTES = 16 * MD5_LANES;
/** Each lane's last bytes and padding: at most two blocks. */
const TAIL_BYTES = 128;
const REGIONS_AT = STATE_BYTES + TAIL_BYTES * MD5_LANES;
/**
 * With fewer lanes busy than this, one scalar pass per lane beats the 8-lane pass, which costs
 * the same however many lanes carry data (~2.8 scalar blocks' time per 8-lane block, measured).
 */
const SIMD_MIN_LANES = 3;

interface Job {
  blob: Blob;
  resolve: (digest: Uint8Array) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  job: Job;
  reader: ReadableStreamDefaultReader<Uint8Array>;
  /** Bytes read from the stream that did not fit in the lane's region yet. */
  leftover?: Uint8Array;
  /** Bytes taken from the stream so far (the message length MD5 pads with). */
  taken: number;
  /** The stream has ended: what is in the region is all that is left. */
  ended: boolean;
  /** The lane's unhashed bytes in memory: [at, end). */
  at: number;
  end: number;
}

/**
 * MD5s of Blobs, up to 8 at a time in the lanes of md5x8: a queued Blob takes the first lane
 * that frees up. Each Blob is streamed into its lane's region of `regionBytes` (a multiple of 64)
 * in memory, so none sits there whole. Streams, not Blob.slice().arrayBuffer(): in Chromium they
 * read the same bytes with less CPU, and several at once, where slices slow each other down
 * (bench/README.md).
 */
export class Md5Lanes {
  private readonly queue: Job[] = [];
  private readonly lanes: Array<Lane | undefined> = Array.from({ length: MD5_LANES }, () => undefined);
  private readonly bytes: Uint8Array;
  private readonly words: DataView;
  private running = false;

  constructor(
    private readonly wasm: Md5Wasm,
    private readonly regionBytes = 1024 * 1024,
  ) {
    if (regionBytes <= 0 || regionBytes % 64) throw new Error("regionBytes must be a positive multiple of 64");
    const needed = REGIONS_AT + MD5_LANES * regionBytes;
    wasm.memory.grow(Math.max(0, Math.ceil((needed - wasm.memory.buffer.byteLength) / 65536)));
    this.bytes = new Uint8Array(wasm.memory.buffer);
    this.words = new DataView(wasm.memory.buffer);
  }

  /** The raw 16-byte MD5 of `blob`. */
  digest(blob: Blob): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ blob, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length || this.lanes.some(Boolean)) {
        this.startQueued();
        await Promise.all(this.lanes.map((lane, i) => lane && this.refill(i, lane)));
        this.lanes.forEach((lane, i) => {
          if (lane && lane.end - lane.at < 64 && lane.ended) this.finish(i, lane);
        });
        this.hashBlocks();
      }
    } finally {
      this.running = false;
    }
  }

  private startQueued(): void {
    for (let i = 0; i < MD5_LANES && this.queue.length; i++) {
      if (this.lanes[i]) continue;
      const job = this.queue.shift() as Job;
      IV.forEach((word, r) => this.words.setUint32(stateAt(i) + 16 * r, word, true));
      this.lanes[i] = { job, reader: job.blob.stream().getReader(), taken: 0, ended: false, at: this.region(i), end: this.region(i) };
    }
  }

  /** A lane without a whole block left moves its last bytes to its region's start and reads on behind them. */
  private async refill(i: number, lane: Lane): Promise<void> {
    if (lane.end - lane.at >= 64 || lane.ended) return;
    const limit = this.region(i) + this.regionBytes;
    this.bytes.copyWithin(this.region(i), lane.at, lane.end);
    lane.end = this.region(i) + (lane.end - lane.at);
    lane.at = this.region(i);
    try {
      while (lane.end < limit) {
        const chunk = lane.leftover ?? (await lane.reader.read()).value;
        if (!chunk) {
          lane.ended = true;
          return;
        }
        const fits = Math.min(chunk.length, limit - lane.end);
        this.bytes.set(chunk.subarray(0, fits), lane.end);
        lane.end += fits;
        lane.taken += fits;
        lane.leftover = fits < chunk.length ? chunk.subarray(fits) : undefined;
      }
    } catch (error) {
      this.lanes[i] = undefined;
      lane.job.reject(error);
    }
  }

  /** The whole blocks every busy lane has in memory, in one 8-lane pass or lane by lane. */
  private hashBlocks(): void {
    const busy = this.lanes.flatMap((lane, i) => (lane && lane.end - lane.at >= 64 ? [i] : []));
    if (busy.length >= SIMD_MIN_LANES) {
      const blocks = Math.min(...busy.map((i) => blocksLeft(this.lanes[i] as Lane)));
      // An idle lane hashes its own region into its own state, both set afresh when it is next used.
      this.wasm.md5x8(...this.lanes.map((lane, i) => (lane && busy.includes(i) ? lane.at : this.region(i))), blocks);
      for (const i of busy) (this.lanes[i] as Lane).at += 64 * blocks;
    } else {
      for (const i of busy) {
        const lane = this.lanes[i] as Lane;
        const blocks = blocksLeft(lane);
        this.wasm.md5x1(i, lane.at, blocks);
        lane.at += 64 * blocks;
      }
    }
  }

  /** Pads the lane's last bytes (RFC 1321 3.1, 3.2), hashes them and hands the digest out. */
  private finish(i: number, lane: Lane): void {
    const tail = STATE_BYTES + TAIL_BYTES * i;
    const rest = lane.end - lane.at;
    const blocks = rest + 9 <= 64 ? 1 : 2;
    this.bytes.copyWithin(tail, lane.at, lane.end);
    this.bytes.fill(0, tail + rest, tail + 64 * blocks);
    this.bytes[tail + rest] = 0x80;
    const bits = lane.taken * 8; // below 2^53: exact
    this.words.setUint32(tail + 64 * blocks - 8, bits % 2 ** 32, true);
    this.words.setUint32(tail + 64 * blocks - 4, Math.floor(bits / 2 ** 32), true);
    this.wasm.md5x1(i, tail, blocks);
    const digest = new Uint8Array(16);
    const out = new DataView(digest.buffer);
    for (let r = 0; r < 4; r++) out.setUint32(4 * r, this.words.getUint32(stateAt(i) + 16 * r, true), true);
    this.lanes[i] = undefined;
    lane.job.resolve(digest);
  }

  private region(i: number): number {
    return REGIONS_AT + i * this.regionBytes;
  }
}

const stateAt = (i: number) => 64 * (i >> 2) + 4 * (i & 3);
const blocksLeft = (lane: Lane) => Math.floor((lane.end - lane.at) / 64);
