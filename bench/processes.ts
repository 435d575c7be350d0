import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { config } from "./config";

// Who is who among this machine's processes: the benchmark's own app, object store and browser
// (another Slipway, with its own radosgw, may well be running next to it).

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null; // the process exited meanwhile
  }
}

/** The pid listening on the app's port: the app server itself (server.ts), not serve.sh or npm. */
export function appPid(): number {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${config.appPort}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${config.appPort} (ss said: ${out.trim() || "nothing"})`);
  return Number(pid);
}

/** Resident memory in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? "")?.[1];
  if (!kib) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kib) / 1024;
}

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  cmdline: string;
  /** utime + stime, in seconds. */
  cpu: number;
}

function processes(): Proc[] {
  const all: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid ..." — comm may contain spaces and parentheses: split after the last ")".
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    all.push({
      pid: Number(name),
      ppid: Number(fields[1]),
      comm: stat.slice(stat.indexOf("(") + 1, close),
      cmdline: (read(`/proc/${name}/cmdline`) ?? "").replaceAll("\0", " "),
      cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
    });
  }
  return all;
}

// Chromium is split: its renderers run the page and the MD5 worker; the browser process, the
// network service and the GPU process move the bytes.
const GROUPS = ["chromium renderer", "chromium other", "next", "radosgw", "ceph-osd", "ceph-mon", "bench (node)"] as const;
export type Group = (typeof GROUPS)[number];

/** CPU seconds used so far, per pid, for the processes that make up the benchmark. */
function cpuByPid(app: number): Map<number, { group: Group; cpu: number }> {
  const all = processes();
  const children = new Map<number, Proc[]>();
  for (const proc of all) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const conf = path.join(config.storeDir, "ceph", "ceph.conf");
  const out = new Map<number, { group: Group; cpu: number }>();
  // Playwright runs in this process and Chromium is its child, so the browser's processes are
  // this process's descendants.
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      if (child.comm.startsWith("chrom")) {
        out.set(child.pid, { group: child.cmdline.includes("--type=renderer") ? "chromium renderer" : "chromium other", cpu: child.cpu });
      }
      walk(child.pid);
    }
  };
  walk(process.pid);
  for (const proc of all) {
    if (proc.pid === process.pid) out.set(proc.pid, { group: "bench (node)", cpu: proc.cpu });
    else if (proc.pid === app) out.set(proc.pid, { group: "next", cpu: proc.cpu });
    else if (proc.cmdline.includes(`-c ${conf} `)) {
      const daemon = GROUPS.find((group) => proc.cmdline.startsWith(group) || proc.comm.startsWith(group));
      if (daemon) out.set(proc.pid, { group: daemon, cpu: proc.cpu });
    }
  }
  return out;
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusy(): number {
  const [, ...fields] = (read("/proc/stat") ?? "").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/**
 * How busy the machine is with nothing of the benchmark's running, in % of one core: anything
 * much above zero (tests, builds) competes with the uploads and makes the figures noisy.
 */
export async function idleCheck(ms = 3000): Promise<number> {
  const before = machineBusy();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return Math.round(((machineBusy() - before) / (ms / 1000)) * 100);
}

/** Per group, plus `other` (anything else busy on the machine: kernel, other people's jobs). */
export type CpuShare = Record<Group | "other", number>;

/**
 * Runs `work` and reports the CPU each group used meanwhile, in % of one core (this machine's
 * total is 100 × cores), so one can see which process a throughput figure was limited by. Processes that start during `work` count from zero; processes that
 * end before it returns are lost, so callers keep their page open until `work` is over.
 */
export async function withCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuShare }> {
  const app = appPid();
  const before = cpuByPid(app);
  const busyBefore = machineBusy();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const used = Object.fromEntries([...GROUPS, "other"].map((group) => [group, 0])) as CpuShare;
  for (const [pid, { group, cpu }] of cpuByPid(app)) used[group] += cpu - (before.get(pid)?.cpu ?? 0);
  used.other = Math.max(0, machineBusy() - busyBefore - GROUPS.reduce((sum, group) => sum + used[group], 0));
  for (const group of Object.keys(used) as Array<keyof CpuShare>) used[group] = Math.round((used[group] / seconds) * 100);
  return { result, cpu: used };
}
