// The workshops' instrument end to end: three datasets scored into three quarters of the data
// map, one point moved by keyboard and one by drag, actions planned in the three horizons, a
// reload, the printed report with its map, and the method page — in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, newContext, expectAccessible, waitForStored, storedWorkspace, createProject, finish,
} from "./harness.mjs";

const env = useBrowser();

/** The scores stored for each dataset, by name. */
async function storedScores(page) {
  const project = (await storedWorkspace(page)).projects[0];
  return Object.fromEntries(project.wanted.map((d) => [d.name, [d.value, d.availability]]));
}

/** Which quarter of the map a point is drawn in, from where it is on screen. */
async function quarterOf(page, point) {
  const frame = await page.locator(".data-map .map-frame").boundingBox();
  const box = await point.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const high = x > frame.x + frame.width / 2;
  const available = y < frame.y + frame.height / 2;
  return `${high ? "high" : "low"} value, ${available ? "available" : "hard"}`;
}

test("scores place datasets on the map; points move by keyboard and by drag; horizons plan the roadmap", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(env.server.url);
  await createProject(page, "Plages propres");
  await page.getByLabel("Partners").fill("Parc national des Calanques");
  await page.getByRole("link", { name: "Phase 1", exact: true }).click();
  await page.getByText("How to describe a wanted dataset?").click();
  await page.getByText("Describe the nature of the data, not who holds it").waitFor();
  for (const name of ["Beach visits", "Water quality", "Litter counts"]) {
    await page.getByRole("button", { name: "Add a wanted dataset" }).click();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("wanted-name-"));
    await page.keyboard.type(name);
  }

  // Score the list, as a group would, on the map page.
  await page.getByRole("link", { name: "Data map", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Data map" }).waitFor();
  await page.getByRole("heading", { name: "Not on the map yet" }).waitFor();
  const row = (name) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  const score = async (name, value, availability) => {
    await row(name).getByLabel("Value for the project").selectOption(String(value));
    await row(name).getByLabel("Availability").selectOption(String(availability));
  };
  await score("Beach visits", 4, 4);
  await score("Water quality", 4, 1);
  await score("Litter counts", 1, 4);
  await page.getByRole("button", { name: /^No\. 3 Litter counts/ }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Not on the map yet" }).count(), 0);
  assert.equal(await quarterOf(page, page.getByRole("button", { name: /^No\. 1 Beach visits/ })), "high value, available");
  assert.equal(await quarterOf(page, page.getByRole("button", { name: /^No\. 2 Water quality/ })), "high value, hard");
  assert.equal(await quarterOf(page, page.getByRole("button", { name: /^No\. 3 Litter counts/ })), "low value, available");
  await expectAccessible(page, "data map (en)");

  // The keyboard: ← → change the value, ↑ ↓ the availability.
  const litter = page.getByRole("button", { name: /^No\. 3 Litter counts/ });
  await litter.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.getByRole("button", { name: "No. 3 Litter counts: value 3, availability 3" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")),
    "No. 3 Litter counts: value 3, availability 3", "the point keeps the focus");

  // The mouse: drag "Water quality" from (4, 1) to the cell (2, 3), in steps.
  const water = page.getByRole("button", { name: /^No\. 2 Water quality/ });
  const frame = await page.locator(".data-map .map-frame").boundingBox();
  const from = await water.boundingBox();
  const to = { x: frame.x + frame.width * (1.5 / 4), y: frame.y + frame.height * (1.5 / 4) };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  await page.getByRole("button", { name: "No. 2 Water quality: value 2, availability 3" }).waitFor();
  await waitForStored(page, (text) => JSON.parse(text).projects[0].wanted[1].value === 2);
  assert.deepEqual(await storedScores(page), {
    "Beach visits": [4, 4], "Water quality": [2, 3], "Litter counts": [3, 3],
  });

  // A click (no drag) opens the dataset, where both scores can be set too.
  await page.getByRole("button", { name: /^No\. 1 Beach visits/ }).click();
  await page.getByRole("heading", { level: 1, name: "Sources for “Beach visits”" }).waitFor();
  assert.equal(await page.locator("#scores-title").count(), 1);
  await page.getByText("Quality of the data").waitFor();
  await page.getByLabel("Accuracy").selectOption({ label: "Good" });
  await expectAccessible(page, "a dataset's scores (en)");

  // The roadmap: suggested routes from the map, three horizons.
  await page.getByRole("link", { name: "Phase 3", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Open-data roadmap" }).waitFor();
  const block = (name) => page.locator("article.wanted-actions").filter({ has: page.getByRole("heading", { name }) });
  await block("Beach visits").getByText("Route the data map suggests: Secure.").waitFor();
  assert.deepEqual(
    await page.locator("article.wanted-actions h3").allInnerTexts(),
    ["Beach visits", "Litter counts", "Water quality"],
    "the high-value, available quarter first",
  );
  await block("Beach visits").getByRole("button", { name: "Plan an action Beach visits" }).click();
  await block("Beach visits").getByLabel("Horizon").selectOption({ label: "Now" });
  await block("Litter counts").getByRole("button", { name: "Plan an action Litter counts" }).click();
  const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await block("Litter counts").getByLabel("Due date").fill(soon);
  await block("Water quality").getByRole("button", { name: "Plan an action Water quality" }).click();
  await block("Water quality").getByLabel("Horizon").selectOption({ label: "Within a year" });
  await block("Water quality").getByLabel("Description of the action").fill("Ask the agency");
  await page.getByText("3 of the 10 actions the method suggests are planned").waitFor();
  await waitForStored(page, (text) => text.includes("Ask the agency"));
  await page.reload();

  await page.getByLabel("by horizon").check();
  const column = (name) => page.locator(".horizons section").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await column("Now").getByText("Beach visits — Secure").waitFor();
  await column("Within 3 months").getByText("Litter counts — Augment").waitFor();
  await column("Within a year").getByText("Water quality").waitFor();
  await expectAccessible(page, "roadmap by horizon (en)");

  // The dashboard, then the report with its map, as printed.
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await page.getByRole("table", { name: "Actions by horizon" }).getByRole("row", { name: /Now/ }).getByRole("cell", { name: "1" }).waitFor();
  assert.equal(await page.locator(".data-map g.map-point").count(), 3);
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await page.getByRole("heading", { name: "Data map" }).waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".report .data-map").isVisible(), true, "the map is printed");
  assert.equal(await page.locator(".report .data-map g.map-point").count(), 3);
  assert.equal(await page.getByRole("cell", { name: "High value, available" }).count(), 2);
  await page.emulateMedia({ media: "screen" });
  await expectAccessible(page, "report with the map (en)");

  // In French.
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("link", { name: "Cartographie", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Cartographie des données" }).waitFor();
  await page.getByRole("button", { name: "N° 3 Litter counts : valeur 3, disponibilité 3" }).waitFor();
  await expectAccessible(page, "cartographie (fr)");
  await page.getByRole("link", { name: "Phase 3", exact: true }).click();
  await page.getByLabel("par horizon").check();
  await page.getByRole("heading", { name: "Dans les 3 mois" }).waitFor();
  await expectAccessible(page, "plan de route par horizon (fr)");
  await finish(context);
});

test("the method page explains the instrument and credits its authors, in both languages", async () => {
  const context = await newContext(env.browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole("link", { name: "À propos de la méthode" }).click();
  await page.getByRole("heading", { level: 1, name: "La méthode des ateliers Dat'accélère" }).waitFor();
  await page.getByRole("heading", { name: "Cinq options de sourcing" }).waitFor();
  await page.getByText("4 — critique : sans elle, le projet serait très difficile à mener").waitFor();
  await page.getByText(/CC BY-SA 4\.0/).waitFor();
  const link = page.getByRole("link", { name: /github\.com\/datactivist\/odeon/ });
  assert.equal(await link.getAttribute("href"), "https://github.com/datactivist/odeon");
  await expectAccessible(page, "méthode (fr)");
  await page.getByLabel("Langue").selectOption("en");
  await page.getByRole("heading", { level: 1, name: "The method of the Dat'accélère workshops" }).waitFor();
  await expectAccessible(page, "method (en)");
  await finish(context);
});
