import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { widthProblems } from "./support/overflow";
import { tourPages, type View } from "./support/page-tour";
import { e2eServer } from "./support/server";

// Every page a person can reach, in each state worth looking at, in both colour schemes:
// - through axe-core's WCAG 2.1 A and AA rules (contrast, names, labels, landmarks, ARIA): what a
//   screen reader or a person with low vision would trip over;
// - at a phone's width (390 px), nothing reaches past the viewport's edges.
// Light is seen at a desk's width, dark at a phone's: the schemes differ only in colours, so each
// layout is measured once and each palette's contrast checked once.
const PHONE = { width: 390, height: 844 };
const VIEWS: View[] = [
  { colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { colorScheme: "dark", viewport: PHONE },
];
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test("every page passes axe's WCAG 2.1 AA checks in light and dark, and fits a 390 px phone", async ({ browser, playwright }) => {
  test.setTimeout(300_000);
  const api = await playwright.request.newContext({ baseURL: e2eServer.url });
  const problems = await tourPages(
    browser,
    api,
    () => VIEWS,
    async (page, entry, view) => {
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      const found = violations.map((violation) => {
        const where = violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join("; ")}`);
        return [`${entry.name} (${view.colorScheme}): ${violation.id} — ${violation.help}`, ...where].join("\n");
      });
      if (view.viewport.width === PHONE.width) found.push(...(await widthProblems(page, entry.name)));
      return found;
    },
  );
  await api.dispose();
  expect(problems, problems.join("\n")).toEqual([]);
});
