// The facilitator's side: a workshop gathers participants' files (several at once), shows
// the cohort, its producers (one however spelled, merged by hand, answers recorded) and its
// shared needs; a newer file shows what changed before it replaces anything. The worked
// example workshop is the fixture: what it should give is written down here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { useBrowser, newContext, expectAccessible, finish, storedWorkspace } from "./harness.mjs";

const env = useBrowser();
const example = async (lang) =>
  JSON.parse(await readFile(new URL(`../../assets/examples/workshop-${lang}.json`, import.meta.url), "utf8"));
const EXAMPLE = await example("en");
const [SEAGRASS, CORRIDORS, SOUNDS] = EXAMPLE.projects;

/** What the example's producers should be, most requested first. */
const PRODUCERS = ["Région Sud", "Ifremer", "Métropole Aix-Marseille-Provence", "ARS PACA"];

/** Waits until the stored workspace satisfies `predicate`, and returns it. */
async function waitForStored(page, predicate, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const workspace = await storedWorkspace(page);
    if (workspace !== null && predicate(workspace)) return workspace;
    if (Date.now() > deadline) throw new Error(`stored workspace never matched ${predicate}`);
    await page.waitForTimeout(50);
  }
}

/** One participant's file, as the app exports it. */
function participantFile(project, name) {
  const document = { format: "data-roadmap", schema_version: 8, exported_at: Date.now(), projects: [project] };
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) };
}

/** A share link to one project, as the app's "share by link" builds it. */
function shareLink(project) {
  const json = JSON.stringify({ schema_version: 8, projects: [project] });
  return `http://127.0.0.1/#share=${deflateRawSync(Buffer.from(json)).toString("base64url")}`;
}

async function open(locale = "en-GB") {
  const context = await newContext(env.browser, { locale, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  return { context, page };
}

async function loadExample(page) {
  await page.getByRole("button", { name: "Load the example workshop" }).click();
  await page.getByRole("heading", { level: 1, name: EXAMPLE.workshops[0].name }).waitFor();
  await page.getByTestId("cohort-row").nth(2).waitFor();
}

test("a workshop gathers participants' files at once and a share link; its cohort sorts, marks flagships, exports and travels as one file", async () => {
  const { context, page } = await open();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Workshops" }).click();
  await page.getByRole("heading", { level: 1, name: "Workshops" }).waitFor();
  await expectAccessible(page, "workshops");
  await page.getByLabel("Workshop name").fill("Marseille, spring");
  await page.getByRole("button", { name: "Create workshop" }).click();
  await page.getByRole("heading", { level: 1, name: "Marseille, spring" }).waitFor();
  assert.match(await page.getByTestId("cohort").innerText(), /No project in the workshop/);
  await page.getByLabel("Place").fill("La Friche");

  await page.getByLabel("Participants' files (JSON)").setInputFiles([
    participantFile(SEAGRASS, "seagrass.json"),
    participantFile(CORRIDORS, "corridors.json"),
  ]);
  const arrivals = page.getByTestId("arrival");
  await arrivals.nth(1).waitFor();
  await page.getByLabel("Or paste a share link").fill(shareLink(SOUNDS));
  await page.getByRole("button", { name: "Read the link" }).click();
  await arrivals.nth(2).waitFor();
  assert.equal(await arrivals.filter({ hasText: "New: will be added to the workshop." }).count(), 3);
  await expectAccessible(page, "workshop import review");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByText("3 project(s) added to the workshop, 0 updated.").waitFor();

  const rows = page.getByTestId("cohort-row");
  await rows.nth(2).waitFor();
  const names = async () => rows.locator("th").allInnerTexts();
  assert.deepEqual(await names(), [SEAGRASS.name, CORRIDORS.name, SOUNDS.name]);
  assert.match(await rows.first().innerText(), /Living Sea association \(example\)\s+Blue/);
  await page.getByRole("button", { name: "Project", exact: true }).click();
  assert.deepEqual(await names(), [CORRIDORS.name, SEAGRASS.name, SOUNDS.name].sort());
  assert.match(await page.locator("th[aria-sort=ascending]").innerText(), /^Project/);
  await page.getByRole("button", { name: "Project", exact: true }).click();
  assert.deepEqual(await names(), [CORRIDORS.name, SEAGRASS.name, SOUNDS.name].sort().reverse());

  await page.getByLabel(`Flagship — ${CORRIDORS.name}`, { exact: true }).check();
  await page.getByLabel(`Why flagship — ${CORRIDORS.name}`).fill("Data ready, towns on board");
  await waitForStored(page, (w) => w.workshops?.[0]?.members.some((m) => m.flagship_reason === "Data ready, towns on board"));
  await expectAccessible(page, "cohort");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the table (CSV)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^marseille-spring-\d{4}-\d\d-\d\d-cohort\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, /^\uFEFFProject,Holder,Domain,/);
  assert.match(csv, /Metropolitan green corridors,Nature in Town collective \(example\),Green economy,100%/);
  assert.match(csv, /,yes,"Data ready, towns on board",/);

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "Download the table (CSV)" }).isVisible(), false);
  assert.ok(await page.getByTestId("cohort").isVisible());
  await page.emulateMedia({ media: "screen" });

  // Kept: after a reload, the workshop and its flagship are there.
  await page.reload();
  await page.getByTestId("cohort-row").nth(2).waitFor();
  assert.ok(await page.getByLabel(`Flagship — ${CORRIDORS.name}`, { exact: true }).isChecked());
  assert.equal(await page.getByLabel("Place").inputValue(), "La Friche");

  // Another facilitator receives the workshop as one file.
  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export the workshop (JSON)" }).click(),
  ]);
  assert.match(exported.suggestedFilename(), /^marseille-spring-\d{4}-\d\d-\d\d\.json$/);
  const other = await open();
  await other.page.goto(`${env.server.url}/workshops`);
  await other.page.getByLabel("Workshop file (JSON)").setInputFiles(await exported.path());
  await other.page.getByText("Workshop file: “Marseille, spring” added or completed.").waitFor();
  await other.page.getByRole("button", { name: "Import", exact: true }).click();
  await other.page.getByText("Imported: 1 workshop(s), 3 project(s).").waitFor();
  await other.page.getByRole("link", { name: "Marseille, spring" }).click();
  await other.page.getByTestId("cohort-row").nth(2).waitFor();
  assert.ok(await other.page.getByLabel(`Flagship — ${CORRIDORS.name}`, { exact: true }).isChecked());
  await finish(other.context);
  await finish(context);
});

test("producers: one however spelled, names merged by hand stay merged, answers reach the cohort", async () => {
  const { context, page } = await open();
  await loadExample(page);
  await page.getByRole("link", { name: "Producers", exact: true }).click();
  const cards = page.getByTestId("producer");
  await cards.nth(3).waitFor();
  assert.deepEqual(await cards.locator("h2").allInnerTexts(), PRODUCERS);
  const region = await cards.first().locator(".meta").innerText();
  assert.match(region, /Requests: 3 · projects: 3/);
  assert.match(region, /Also written: REGION SUD, Region Sud/);
  await expectAccessible(page, "workshop producers");

  // ARS PACA is the regional health agency here, say: merged by hand, and remembered.
  const ars = cards.filter({ has: page.getByRole("heading", { name: "ARS PACA" }) });
  await ars.getByLabel("Same producer as").selectOption({ label: "Région Sud" });
  await ars.getByRole("button", { name: "Merge" }).click();
  await page.getByText("“ARS PACA” and “Région Sud” now count as one producer.").waitFor();
  await page.reload();
  await cards.nth(2).waitFor();
  assert.deepEqual(await cards.locator("h2").allInnerTexts(), ["Région Sud", "Ifremer", "Métropole Aix-Marseille-Provence"]);
  assert.match(await cards.first().locator(".meta").innerText(), /Requests: 4 · projects: 3/);
  await cards.first().getByRole("button", { name: "Split the merged names" }).click();
  await cards.nth(3).waitFor();

  await page.getByRole("button", { name: "Meeting sheet Ifremer" }).click();
  await page.getByRole("heading", { level: 1, name: "Meeting sheet — Ifremer" }).waitFor();
  const sheet = page.getByTestId("meeting-sheet");
  assert.match(await sheet.innerText(), /Posidonia seagrass mapping/);
  await expectAccessible(page, "meeting sheet with answers");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "Print the sheet" }).isVisible(), false);
  assert.equal(await sheet.locator("fieldset").first().isVisible(), false, "answers are written by hand on paper");
  await page.emulateMedia({ media: "screen" });
  const answer = sheet.locator("fieldset").filter({ hasText: SEAGRASS.name });
  await answer.getByLabel("Answer").selectOption({ label: "will open" });
  await answer.getByLabel("Note").fill("GIS layer in June");
  await waitForStored(page, (w) => w.workshops?.[0]?.answers?.some((a) => a.note === "GIS layer in June"));
  await page.getByRole("button", { name: "Back to the producers" }).click();
  const ifremer = cards.filter({ has: page.getByRole("heading", { name: "Ifremer" }) });
  assert.match(await ifremer.locator("tbody tr").first().innerText(), /will open/);

  await page.getByRole("link", { name: "Projects", exact: true }).last().click();
  const seagrass = page.getByTestId("cohort-row").filter({ hasText: SEAGRASS.name });
  await seagrass.waitFor();
  assert.match(await seagrass.innerText(), /will open: 1/);
  await finish(context);
});

test("shared needs are proposed, confirmed or dismissed, and remembered", async () => {
  const { context, page } = await open();
  await loadExample(page);
  await page.getByRole("link", { name: "Shared needs" }).click();
  const needs = page.getByTestId("shared-need");
  await needs.nth(1).waitFor();
  const texts = await needs.allInnerTexts();
  assert.equal(texts.length, 2);
  assert.match(texts[0], /Posidonia seagrass mapping \(Harbour seagrass observatory\) · Seagrass mapping of the coast \(Metropolitan green corridors\)/);
  assert.match(texts[0], /Producer: Ifremer\s+Words in common: mapping, seagrass/);
  assert.match(texts[1], /Land cover map .* Land cover map .*\n?.*Producer: Région Sud/s);
  await expectAccessible(page, "shared needs");
  await needs.first().getByRole("button", { name: "Confirm" }).click();
  await needs.nth(1).getByRole("button", { name: "Dismiss" }).click();
  await page.reload();
  await needs.nth(1).waitFor();
  assert.match(await needs.first().innerText(), /Confirmed: one need/);
  assert.match(await needs.nth(1).innerText(), /Dismissed/);
  await needs.nth(1).getByRole("button", { name: "Reconsider" }).click();
  await needs.nth(1).getByText("To decide").waitFor();
  await finish(context);
});

test("a newer file of a project shows what changed and keeps the previous state; an older one asks", async () => {
  const { context, page } = await open();
  await loadExample(page);
  const newer = structuredClone(SEAGRASS);
  newer.updated_at = Date.now() + 60_000;
  newer.wanted[0].value = 3;
  newer.wanted[0].actions[0].status = "done";
  newer.wanted.push({ id: "e0000000-0000-4000-8000-00000000beef", name: "Sea temperature", value: 2 });
  await page.getByLabel("Participants' files (JSON)").setInputFiles([participantFile(newer, "seagrass-v2.json")]);
  const arrival = page.getByTestId("arrival");
  await arrival.waitFor();
  const summary = await arrival.innerText();
  assert.match(summary, /Already here\. What changed:/);
  assert.match(summary, /Added: Sea temperature/);
  assert.match(summary, /Scores changed: Posidonia seagrass mapping/);
  assert.match(summary, /Actions done: 1/);
  assert.ok(await arrival.getByRole("checkbox").isChecked(), "a newer file replaces");
  await expectAccessible(page, "re-import review");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByText("0 project(s) added to the workshop, 1 updated.").waitFor();
  const stored = await waitForStored(page, (w) => w.projects.find((p) => p.id === SEAGRASS.id)?.wanted.length === 4);
  const project = stored.projects.find((p) => p.id === SEAGRASS.id);
  assert.equal(project.snapshots.length, 1, "the previous state is kept as a saved version");
  assert.equal(project.snapshots[0].content.wanted.length, 3);
  // Taken back: the project as it was, still in the workshop.
  await page.getByRole("button", { name: "Undo" }).click();
  const undone = await waitForStored(page, (w) => w.projects.find((p) => p.id === SEAGRASS.id)?.wanted.length === 3);
  assert.equal(undone.projects.find((p) => p.id === SEAGRASS.id).snapshots.length, 0);
  assert.equal(undone.workshops[0].members.length, 3);

  const older = structuredClone(SEAGRASS);
  older.updated_at = 0;
  older.name = "Stale copy";
  await page.getByLabel("Participants' files (JSON)").setInputFiles([participantFile(older, "seagrass-old.json")]);
  await arrival.waitFor();
  assert.match(await arrival.innerText(), /does not look newer than the project here/);
  assert.equal(await arrival.getByRole("checkbox").isChecked(), false, "an older file replaces nothing unless ticked");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByText("0 project(s) added to the workshop, 0 updated.").waitFor();
  const after = await waitForStored(page, (w) => w.projects.length === 3);
  assert.equal(after.projects.find((p) => p.id === SEAGRASS.id).name, SEAGRASS.name);
  await finish(context);
});

test("offline and in French: the example loads, its screens pass axe, and it is removed with a confirmation and an undo", async () => {
  const FR = await example("fr");
  const context = await newContext(env.browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
  await context.setOffline(true);
  await page.getByRole("button", { name: "Charger l'atelier d'exemple" }).click();
  await page.getByRole("heading", { level: 1, name: FR.workshops[0].name }).waitFor();
  await page.getByTestId("cohort-row").nth(2).waitFor();
  await expectAccessible(page, "atelier");
  await page.getByRole("link", { name: "Producteurs", exact: true }).click();
  await page.getByTestId("producer").nth(3).waitFor();
  assert.deepEqual(await page.getByTestId("producer").locator("h2").allInnerTexts(), PRODUCERS);
  await expectAccessible(page, "producteurs de l'atelier");
  await page.getByRole("button", { name: "Fiche de rencontre Région Sud" }).click();
  await page.getByRole("heading", { level: 1, name: "Fiche de rencontre — Région Sud" }).waitFor();
  await expectAccessible(page, "fiche de rencontre");
  await page.getByRole("link", { name: "Besoins communs" }).click();
  await page.getByTestId("shared-need").nth(1).waitFor();
  await expectAccessible(page, "besoins communs");
  await page.getByRole("link", { name: "Ateliers" }).first().click();
  await page.getByTestId("workshop-card").waitFor();
  assert.match(await page.getByTestId("workshop-card").innerText(), /Exemple/);
  await expectAccessible(page, "ateliers");

  // Edited: removing it asks first, and can be undone.
  await page.getByTestId("workshop-card").getByRole("link").click();
  await page.getByLabel("Lieu").fill("Marseille, La Friche");
  await waitForStored(page, (w) => w.workshops?.[0]?.place === "Marseille, La Friche");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Projets" }).click();
  await page.getByRole("button", { name: "Retirer l'exemple" }).click();
  await page.getByText("Retirer l'atelier d'exemple et ses projets ?", { exact: false }).waitFor();
  await expectAccessible(page, "confirmation");
  await page.locator("#remove-example-yes").click();
  await page.getByText("Atelier d'exemple retiré.").waitFor();
  await waitForStored(page, (w) => w.projects.length === 0 && (w.workshops ?? []).length === 0);
  await page.getByRole("button", { name: "Annuler" }).click();
  const back = await waitForStored(page, (w) => w.projects.length === 3 && w.workshops?.length === 1);
  assert.equal(back.workshops[0].place, "Marseille, La Friche");
  await finish(context);
});
