// Phase 3 end to end: plan actions for two wanted datasets, watch the timeline and the
// dashboard follow, reload, then the printable report in print media, in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useBrowser, newContext, expectAccessible, waitForStored, storedWorkspace, finish,
  WORKSPACE_KEY,
} from "./harness.mjs";

const env = useBrowser();

const HERBIERS = "Cartographie des herbiers";
const IMG = "<img src=x onerror=alert(1)>";

test("actions planned for two datasets drive the timeline, the dashboard and the report", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  // Phases 1 and 2 as saved by an earlier version: one dataset evaluated (orange), one not.
  const v2 = await readFile(new URL("../fixtures/workspace-v2.json", import.meta.url), "utf8");
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSPACE_KEY, v2]);
  await page.reload();
  await page.getByRole("link", { name: "Observatoire des herbiers de posidonie", exact: true }).click();
  await page.getByRole("link", { name: "Open the roadmap" }).click();
  await page.getByRole("heading", { level: 1, name: "Open-data roadmap" }).waitFor();
  await expectAccessible(page, "roadmap, nothing planned (en)");

  const herbiers = page.locator("article.wanted-actions").filter({ has: page.getByRole("heading", { name: HERBIERS }) });
  // Essential (3) and, from its orange source, available but not good enough (3): augment it.
  await herbiers.getByText("Route the data map suggests: Augment.").waitFor();
  await herbiers.getByText("Value: 3 · Availability: 3 (suggested) · High value, available").waitFor();
  await herbiers.getByRole("button", { name: `Plan an action ${HERBIERS}` }).click();
  await page.keyboard.type("Download the GeoJSON layer");
  assert.equal(await herbiers.getByLabel("Route").inputValue(), "augment");
  await herbiers.getByLabel("Owner").fill("Léa");
  await herbiers.getByLabel("Due date").fill("2020-01-15");
  await herbiers.getByLabel("Status").selectOption({ label: "In progress" });

  const other = page.locator("article.wanted-actions").filter({ has: page.getByRole("heading", { name: IMG }) });
  await other.getByText("Not on the map yet: score its value and availability to get a suggested route.").waitFor();
  await other.getByRole("button", { name: `Plan an action ${IMG}` }).click();
  await other.getByLabel("Route").selectOption({ label: "Collect" });
  await other.getByLabel("Description of the action").fill("Survey with divers");
  await other.getByLabel("Owner").fill("Marc");
  await other.getByLabel("Due date").fill("2099-03-31");
  await other.getByLabel("Next step").fill("Book the boat");

  const timeline = page.locator("section.timeline-section");
  await timeline.getByRole("heading", { name: "January 2020" }).waitFor();
  await timeline.getByRole("heading", { name: "March 2099" }).waitFor();
  await timeline.getByText("Overdue actions: 1").waitFor();
  assert.equal(await timeline.locator(".timeline-item.overdue").count(), 1);
  await page.getByText("2 of 2 planned").waitFor();
  await expectAccessible(page, "roadmap with two actions (en)");

  // Filters.
  await page.getByLabel("Owner to show").selectOption("Marc");
  assert.equal(await timeline.locator(".timeline-item").count(), 1);
  await timeline.getByText(`${IMG} — Collect`).waitFor();
  await page.getByLabel("Owner to show").selectOption("");
  await page.getByLabel("Status to show").selectOption({ label: "In progress" });
  assert.equal(await timeline.locator(".timeline-item").count(), 1);
  await page.getByLabel("Status to show").selectOption("");

  // Done: no longer overdue.
  await herbiers.getByLabel("Status").selectOption({ label: "Done" });
  await timeline.getByText("Overdue actions: 0").waitFor();
  assert.equal(await timeline.locator(".timeline-item.overdue").count(), 0);

  await waitForStored(page, (text) => text.includes("Book the boat") && text.includes('"done"'));
  await page.reload();
  await timeline.getByRole("heading", { name: "March 2099" }).waitFor();
  const stored = await storedWorkspace(page);
  assert.equal(stored.schema_version, 9);
  const actions = stored.projects[0].wanted.flatMap((d) => d.actions);
  assert.deepEqual(
    actions.map((a) => [a.route, a.owner, a.due, a.status]),
    [["augment", "Léa", "2020-01-15", "done"], ["collect", "Marc", "2099-03-31", "to_do"]],
  );

  // The dashboard.
  await page.goto(page.url().replace(/roadmap$/, "dashboard"));
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  const potential = page.getByRole("table", { name: /Final verdict/ });
  await potential.getByRole("row", { name: /Orange/ }).getByRole("cell", { name: "1" }).waitFor();
  await potential.getByRole("row", { name: /No verdict yet/ }).getByRole("cell", { name: "1" }).waitFor();
  const statuses = page.getByRole("table", { name: "Actions by status" });
  await statuses.getByRole("row", { name: /Done/ }).getByRole("cell", { name: "1" }).waitFor();
  await statuses.getByRole("row", { name: /To do/ }).getByRole("cell", { name: "1" }).waitFor();
  await page.getByRole("heading", { name: "Wanted datasets without a candidate source" }).waitFor();
  await page.getByRole("link", { name: IMG, exact: true }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Wanted datasets without a planned action" }).count(), 0);
  await expectAccessible(page, "dashboard (en)");

  // The report, as printed.
  await page.goto(page.url().replace(/dashboard$/, "report"));
  await page.getByRole("heading", { level: 1, name: "Observatoire des herbiers de posidonie" }).waitFor();
  await expectAccessible(page, "report (en)");
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".site-header", ".site-footer", "nav", ".no-print"]) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden in print`);
  }
  await page.getByRole("heading", { name: "Roadmap" }).waitFor();
  await page.getByRole("cell", { name: "Survey with divers" }).waitFor();
  await page.getByRole("cell", { name: "Book the boat" }).waitFor();
  const pdf = await page.pdf({ format: "A4" });
  assert.equal(pdf.subarray(0, 4).toString(), "%PDF");
  await page.emulateMedia({ media: "screen" });

  // The same screens in French.
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("heading", { name: "Plan de route" }).waitFor();
  await expectAccessible(page, "rapport (fr)");
  await page.goto(page.url().replace(/report$/, "dashboard"));
  await page.getByRole("heading", { level: 1, name: "Tableau de bord" }).waitFor();
  await expectAccessible(page, "tableau de bord (fr)");
  await page.goto(page.url().replace(/dashboard$/, "roadmap"));
  await page.getByRole("heading", { name: "janvier 2020" }).waitFor();
  await expectAccessible(page, "plan de route (fr)");
  await finish(context);
});
