// The facilitator's view of producers across a workshop's projects: spellings of one
// producer count as one, the most requested comes first, and a meeting sheet per producer
// prints alone and downloads as Markdown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, newContext, expectAccessible, seedStorage, finish, WORKSPACE_KEY } from "./harness.mjs";

const env = useBrowser();
const FIXTURE = JSON.parse(await readFile(new URL("../fixtures/workspace-v7.json", import.meta.url), "utf8"));

const WORKSHOP = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

/** The fixture's projects and a third one that asks Ifremer too, spelled otherwise, in one
 * workshop. */
function workspace() {
  const ports = {
    id: "0d9c8b7a-6f5e-4d3c-8b2a-190817263544",
    name: "Ports propres",
    wanted: [
      { id: "1d9c8b7a-6f5e-4d3c-8b2a-190817263544", name: "Cartographie des HERBIERS", producer: " IFREMER ", value: 3 },
      { id: "2d9c8b7a-6f5e-4d3c-8b2a-190817263544", name: "Fréquentation des ports", producer: "Région Sud" },
    ],
  };
  const projects = [...FIXTURE.projects, ports];
  const workshop = { id: WORKSHOP, name: "Atelier 1", members: projects.map((p) => ({ id: p.id })) };
  return JSON.stringify({ ...FIXTURE, schema_version: 8, projects, workshops: [workshop] });
}

async function producersPage(locale) {
  const context = await newContext(env.browser, { locale, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/manifest.webmanifest`);
  await seedStorage(page, { [WORKSPACE_KEY]: workspace() });
  await page.goto(env.server.url);
  return { context, page };
}

test("producers across projects: one per producer however spelled, most requested first, with a meeting sheet", async () => {
  const { context, page } = await producersPage("en-GB");
  await page.getByRole("link", { name: "Workshops" }).first().click();
  await page.getByRole("link", { name: "Atelier 1" }).click();
  await page.getByRole("link", { name: "Producers" }).click();
  await page.getByRole("heading", { level: 1, name: "Data producers" }).waitFor();
  const cards = page.getByTestId("producer");
  assert.deepEqual(await cards.locator("h2").allInnerTexts(), ["Ifremer", "Club de plongée", "Région Sud"]);
  const ifremer = cards.first();
  const meta = await ifremer.locator(".meta").innerText();
  assert.match(meta, /Requests: 2 · projects: 2/);
  assert.match(meta, /Also written: IFREMER/);
  const rows = await ifremer.locator("tbody tr").allInnerTexts();
  assert.equal(rows.length, 2);
  assert.match(rows[1], /Ports propres\s+Cartographie des HERBIERS\s+3/);
  await expectAccessible(page, "producers");

  await page.getByRole("button", { name: "Meeting sheet Ifremer" }).click();
  await page.getByRole("heading", { level: 1, name: "Meeting sheet — Ifremer" }).waitFor();
  const sheet = page.getByTestId("meeting-sheet");
  assert.equal(await sheet.locator("h2").count(), 1, "one dataset, asked for by two projects");
  assert.match(await sheet.innerText(), /Requested by: Observatoire des herbiers de posidonie, Ports propres/);
  await expectAccessible(page, "meeting sheet");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "Print the sheet" }).isVisible(), false);
  assert.ok(await sheet.isVisible());
  await page.emulateMedia({ media: "screen" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the sheet (Markdown)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^meeting-ifremer-\d{4}-\d\d-\d\d\.md$/);
  const markdown = await readFile(await download.path(), "utf8");
  assert.ok(markdown.startsWith("# Meeting sheet — Ifremer\n"), markdown);
  assert.match(markdown, /## Cartographie des herbiers\n/);
  await page.getByRole("button", { name: "Back to the producers" }).click();
  await cards.first().waitFor();
  await finish(context);
});

test("the producers page and a meeting sheet speak French and pass axe", async () => {
  const { context, page } = await producersPage("fr-FR");
  await page.goto(`${env.server.url}/workshop/${WORKSHOP}/producers`);
  await page.getByRole("heading", { level: 1, name: "Producteurs de données" }).waitFor();
  assert.match(await page.getByTestId("producer").first().locator(".meta").innerText(), /Demandes : 2 · projets : 2/);
  await expectAccessible(page, "producteurs");
  await page.getByRole("button", { name: "Fiche de rencontre Région Sud" }).click();
  await page.getByRole("heading", { level: 1, name: "Fiche de rencontre — Région Sud" }).waitFor();
  assert.match(await page.getByTestId("meeting-sheet").innerText(), /Demandée par : Ports propres/);
  await expectAccessible(page, "fiche de rencontre");
  await finish(context);
});

test("a producer's card follows a change another tab makes", async () => {
  const { context, page } = await producersPage("en-GB");
  await page.goto(`${env.server.url}/workshop/${WORKSHOP}/producers`);
  const first = page.getByTestId("producer").first();
  await first.locator(".meta").filter({ hasText: "Requests: 2 · projects: 2" }).waitFor();
  // Another tab names Ifremer as the producer of "Ports propres"' second dataset.
  const other = await context.newPage();
  await other.goto(`${env.server.url}/manifest.webmanifest`);
  await other.evaluate(() => {
    const key = "data-roadmap:project:0d9c8b7a-6f5e-4d3c-8b2a-190817263544";
    const record = JSON.parse(localStorage.getItem(key));
    record.revision += 1;
    record.project.wanted[1].producer = "ifremer";
    localStorage.setItem(key, JSON.stringify(record));
  });
  await first.locator(".meta").filter({ hasText: "Requests: 3 · projects: 2" }).waitFor();
  assert.deepEqual(await page.getByTestId("producer").locator("h2").allInnerTexts(), ["Ifremer", "Club de plongée"]);
  await finish(context);
});
