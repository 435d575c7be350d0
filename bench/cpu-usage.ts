import { readdirSync, readFileSync } from "node:fs";

// CPU time from /proc, to see where a load's work went: the whole machine, and each app instance
// (a process group: serve.sh and the next server it became).

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

/** Busy and total jiffies of all CPUs since boot (first line of /proc/stat). */
export function machineTicks(): { busy: number; total: number } {
  const values = readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: total - values[3] - values[4], total }; // idle and iowait
}

/** Share of all CPUs busy between two readings, 0..1. */
export const busyShare = (before: ReturnType<typeof machineTicks>, after: ReturnType<typeof machineTicks>) => (after.busy - before.busy) / (after.total - before.total || 1);

/** CPU seconds (user + system) used so far by the live processes of process group `group`. */
export function groupCpuSeconds(group: number): number {
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ... utime stime": comm may hold spaces, so split after its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}
