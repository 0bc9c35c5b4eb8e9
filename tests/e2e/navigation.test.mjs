// The project navigation, by keyboard: from every project page, every other one is a few
// Tabs and an Enter away, and exactly one entry is marked as the current page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser, newContext, expectAccessible, finish, WORKSPACE_KEY } from "./harness.mjs";

const env = useBrowser();
const FIXTURE = readFileSync(new URL("../fixtures/workspace-v7.json", import.meta.url), "utf8");
const PROJECT = JSON.parse(FIXTURE).projects[0];
const NAME = PROJECT.name;

/** Each entry of the navigation and the page it leads to. */
const ENTRIES = {
  Overview: "",
  "Phase 1": "/wanted",
  "Phase 2": "/sources",
  "Data map": "/map",
  "Phase 3": "/roadmap",
  Dashboard: "/dashboard",
  Report: "/report",
  Files: "/files",
};

/** Every project page, the entry it marks, and its main heading. */
const PAGES = [
  { path: "", current: "Overview", heading: NAME },
  { path: "/wanted", current: "Phase 1", heading: "Wanted Data List" },
  { path: "/sources", current: "Phase 2", heading: "Collect and evaluate" },
  { path: `/wanted/${PROJECT.wanted[0].id}/sources`, current: "Phase 2", heading: /^Sources for/ },
  { path: "/map", current: "Data map", heading: "Data map" },
  { path: "/roadmap", current: "Phase 3", heading: "Open-data roadmap" },
  { path: "/dashboard", current: "Dashboard", heading: "Dashboard" },
  { path: "/report", current: "Report", heading: NAME },
  { path: "/files", current: "Files", heading: /^Files, sharing and versions/ },
  { path: `/versions/${PROJECT.snapshots[0].id}`, current: "Files", heading: /^Version/ },
];

const base = () => `${env.server.url}/project/${PROJECT.id}`;
const projectNav = (page, name = "Project pages") => page.getByRole("navigation", { name });

/** The text of every entry marked as the current page. */
async function marked(page, name) {
  return projectNav(page, name).locator('[aria-current="page"]').allInnerTexts();
}

/** Presses Tab from the top of the page until `link` has the focus; returns how many. */
async function tabTo(page, link) {
  for (let presses = 1; presses <= 20; presses++) {
    await page.keyboard.press("Tab");
    if (await link.evaluate((element) => element === document.activeElement)) return presses;
  }
  assert.fail(`${await link.innerText()} was not reached in 20 Tabs`);
}

async function open(page, path, heading) {
  await page.goto(base() + path);
  await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
}

test("every project page reaches every other one by keyboard, and marks where it is", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSPACE_KEY, FIXTURE]);

  for (const from of PAGES) {
    await open(page, from.path, from.heading);
    assert.deepEqual(await marked(page), [from.current], `marked on ${from.path || "/"}`);
    // The project's name leads back to its overview, a few Tabs from the top.
    const name = projectNav(page).getByRole("link", { name: NAME, exact: true });
    assert.ok((await tabTo(page, name)) <= 6, "the project navigation comes first");
    assert.equal(await name.getAttribute("href"), `/project/${PROJECT.id}`);

    for (const [entry, path] of Object.entries(ENTRIES)) {
      if (entry === from.current) continue;
      await open(page, from.path, from.heading);
      await tabTo(page, projectNav(page).getByRole("link", { name: entry, exact: true }));
      await page.keyboard.press("Enter");
      await page.waitForURL(base() + path);
      assert.deepEqual(await marked(page), [entry], `${from.path || "/"} → ${entry}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
  }
  await finish(context);
});

test("the navigation speaks French, passes axe, and is not printed", async () => {
  const context = await newContext(env.browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSPACE_KEY, FIXTURE]);
  await open(page, `/wanted/${PROJECT.wanted[0].id}/sources`, /^Sources pour/);
  const nav = projectNav(page, "Pages du projet");
  assert.deepEqual(await nav.getByRole("listitem").allInnerTexts(), [
    "Vue d'ensemble", "Phase 1", "Phase 2", "Cartographie", "Phase 3", "Tableau de bord", "Rapport", "Fichiers",
  ]);
  assert.deepEqual(await marked(page, "Pages du projet"), ["Phase 2"]);
  await expectAccessible(page, "sources d'une donnée, avec la navigation du projet (fr)");

  await nav.getByRole("link", { name: "Rapport", exact: true }).click();
  await page.waitForURL(`${base()}/report`);
  await expectAccessible(page, "rapport, avec la navigation du projet (fr)");
  await page.emulateMedia({ media: "print" });
  assert.equal(await nav.isVisible(), false, "the project navigation is not printed");
  await page.emulateMedia({ media: "screen" });

  // A project that is not in this browser has no navigation, only "not found".
  await page.goto(`${env.server.url}/project/00000000-0000-4000-8000-000000000000/wanted`);
  await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
  assert.equal(await nav.count(), 0);
  await finish(context);
});
