import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

// scripts/use-node.sh puts a supported Node first on PATH; a silent fallback to the machine's
// older Node (20 on this image, past end of life) must fail here rather than go unnoticed.
it("the tests run on the Node that package.json's engines asks for", () => {
  const { engines } = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
  const required = Number(/^>=(\d+)$/.exec(engines.node)?.[1]);
  expect(required).toBeGreaterThanOrEqual(24);
  expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(required);
});
