// Prints a results file of bench/main.ts as markdown tables:
//   npx tsx bench/print-report.ts [file]     (default: $BENCH_OUTPUT, else bench/results.json)
import { readFileSync } from "node:fs";
import { markdown } from "./report";

const file = process.argv[2] || process.env.BENCH_OUTPUT || "bench/results.json";
console.log(markdown(JSON.parse(readFileSync(file, "utf8"))));
