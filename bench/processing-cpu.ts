import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// Where the CPU goes during one pass of the processing benchmark: on a 2-core machine this
// process, clamd, radosgw and its OSD all compete, so a pass's speed is only understood with
// their CPU seconds next to it. `other` is the rest of the machine (tests, builds, other runs).

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

export const CPU_GROUPS = ["node", "clamd", "radosgw", "ceph-osd", "other"] as const;
export type CpuSeconds = Record<(typeof CPU_GROUPS)[number], number>;

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null; // the process exited meanwhile
  }
}

/** utime + stime of a process (all its threads), in seconds. */
function processCpu(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Busy seconds of the whole machine, all cores together (everything but idle and iowait). */
function machineCpu(): number {
  const [, ...ticks] = (read("/proc/stat") ?? "").split("\n")[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/** The pid listening on a local TCP port. */
export function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}`);
  return Number(pid);
}

/** The OSD of the same cluster as radosgw (same `-c` config file): another store may run beside it. */
function osdPid(radosgw: number): number | null {
  const conf = /-c\0([^\0]+)/.exec(read(`/proc/${radosgw}/cmdline`) ?? "")?.[1];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = read(`/proc/${name}/cmdline`) ?? "";
    if (cmdline.startsWith("ceph-osd\0") && conf && cmdline.includes(`\0${conf}\0`)) return Number(name);
  }
  return null;
}

export interface CpuWatch {
  /** CPU seconds per group since the watch started. */
  stop(): CpuSeconds;
}

export type CpuPids = ReturnType<typeof cpuPids>;

export function cpuPids(ports: { clamd: number; s3: number }) {
  const radosgw = listenerPid(ports.s3);
  return { clamd: listenerPid(ports.clamd), radosgw, osd: osdPid(radosgw) };
}

/** `node` is this process. */
export function watchCpu(pids: CpuPids): CpuWatch {
  const sample = () => ({
    node: processCpu(process.pid),
    clamd: processCpu(pids.clamd),
    radosgw: processCpu(pids.radosgw),
    osd: pids.osd ? processCpu(pids.osd) : 0,
    machine: machineCpu(),
  });
  const start = sample();
  return {
    stop() {
      const end = sample();
      const used = { node: end.node - start.node, clamd: end.clamd - start.clamd, radosgw: end.radosgw - start.radosgw, "ceph-osd": end.osd - start.osd };
      const other = Math.max(0, end.machine - start.machine - Object.values(used).reduce((sum, value) => sum + value, 0));
      return { ...used, other };
    },
  };
}
