import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CallKind } from "./instances-api";
import type { LoadResult } from "./instances-load";
import { percentile, round } from "./stats";

export interface InstancesResults {
  settings: Record<string, unknown> & { uploads: number; users: number; mib: number; downloads: number };
  loads: LoadResult[];
  seconds: number;
}

export function writeInstancesReport(file: string, results: InstancesResults): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const ms = (samples: number[] | undefined, p: number) => (samples?.length ? `${round(percentile(samples, p), 1)} ms` : "–");
const ratio = (two: number, one: number) => (one ? `${round(two / one, 2)}` : "–");

/** Markdown tables on stdout: each load, then every call's latency on one instance and on two. */
export function printInstancesReport({ settings, loads, seconds }: InstancesResults): void {
  const { uploads, users, mib, downloads } = settings;
  const lines = [
    `### ${uploads} × ${mib} MiB uploads from ${users} users + ${downloads} share-link downloads, one instance then two (${settings.node}, ${settings.cores} cores, ${settings.date}; machine ${Math.round(Number(settings.busyBefore) * 100)} % busy before; ${seconds} s in all)`,
    "",
    "| instances | uploads: wall | MiB/s | failed | downloads (all at once): wall | errors | CPUs busy | CPU-s per instance |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...loads.map(
      (load) =>
        `| ${load.instances} | ${round(load.uploadSeconds, 1)} s | ${round(load.uploadMiBPerSecond, 1)} | ${load.failedUploads} | ${round(load.downloadSeconds, 2)} s | ${load.errors.length} | ${Math.round(load.machineBusy * 100)} % | ${load.instanceCpuSeconds.map((seconds) => round(seconds, 1)).join(" / ")} |`,
    ),
  ];
  const [one, two] = loads;
  if (one && two) {
    lines.push(
      "",
      `Two instances / one: upload throughput ${ratio(two.uploadMiBPerSecond, one.uploadMiBPerSecond)}, download wall time ${ratio(two.downloadSeconds, one.downloadSeconds)}.`,
    );
    lines.push(
      "",
      "| call | calls (1 / 2) | p50, 1 instance | p99, 1 instance | p50, 2 instances | p99, 2 instances | p99 2/1 |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    const kinds = [...new Set([...Object.keys(one.samples), ...Object.keys(two.samples)])] as CallKind[];
    for (const kind of kinds) {
      const [a, b] = [one.samples[kind] ?? [], two.samples[kind] ?? []];
      lines.push(
        `| ${kind} | ${a.length} / ${b.length} | ${ms(a, 50)} | ${ms(a, 99)} | ${ms(b, 50)} | ${ms(b, 99)} | ${a.length && b.length ? ratio(percentile(b, 99), percentile(a, 99)) : "–"} |`,
      );
    }
  }
  console.log(lines.join("\n"));
}
