import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { contextFor, PAGES, seed } from "./support/page-tour";
import { e2eServer } from "./support/server";

// Every page in both colour schemes through axe-core's WCAG 2.1 A and AA rules (contrast, names,
// labels, landmarks, ARIA): what a screen reader or a person with low vision would trip over.
// Light is seen at a desk's width, dark at a phone's, so both layouts are checked too.
const VIEWS = [
  { colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { colorScheme: "dark", viewport: { width: 390, height: 844 } },
] as const;
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test("every page passes axe's WCAG 2.1 AA checks in light and dark", async ({ browser, playwright }) => {
  test.setTimeout(300_000);
  const api = await playwright.request.newContext({ baseURL: e2eServer.url });
  const seeded = await seed(api);
  await api.dispose();

  // Every page is checked before the test fails, so one run names every problem.
  const problems: string[] = [];
  for (const view of VIEWS) {
    for (const role of ["visitor", "user", "admin"] as const) {
      const context = await contextFor(browser, role, seeded, view);
      const page = await context.newPage();
      for (const entry of PAGES.filter((candidate) => candidate.role === role)) {
        await test.step(`${entry.name} (${view.colorScheme})`, async () => {
          await page.goto(entry.path(seeded));
          await entry.ready(page, seeded);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
          for (const violation of violations) {
            const where = violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join("; ")}`);
            problems.push([`${entry.name} (${view.colorScheme}): ${violation.id} — ${violation.help}`, ...where].join("\n"));
          }
        });
      }
      await context.close();
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
});
