import { expect, test } from "@playwright/test";
import { formatBytes } from "../lib/format-bytes";
import { admin, signInUi } from "./support/session";

test("stats: the totals, and a 30-day chart that screen readers can name, with the same numbers in a table", async ({ page }) => {
  await signInUi(page, admin);
  await page.goto("/admin");
  const stats = await (await page.request.get("/api/admin/stats")).json();
  const totals = page.locator(".stat-totals");
  await expect(totals).toContainText(`Stored${formatBytes(stats.bytes)}`);
  await expect(totals).toContainText(`Users${stats.users}`);

  for (const name of ["Uploads per day", "Bytes uploaded per day"]) {
    const chart = page.getByRole("img", { name, exact: true });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(/in all/);
    await expect(chart.locator("g > title")).toHaveCount(30); // one tooltip per day
  }
  const today = stats.daily[29];
  await expect(page.getByRole("img", { name: "Uploads per day", exact: true }).locator("g > title").last()).toHaveText(new RegExp(`: ${today.uploads} uploads$`));

  await page.getByText("The numbers of the last 30 days").click();
  const rows = page.getByRole("table", { name: "Uploads and bytes per day" }).getByRole("row");
  await expect(rows).toHaveCount(1 + 30);
  await expect(rows.last().getByRole("cell")).toHaveText([String(today.uploads), formatBytes(today.bytes)]);
});
