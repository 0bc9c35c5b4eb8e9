// Files and sharing, as a user does them: export, import (picker and drop), conflicts,
// broken files, share links in a fresh profile, CSV read back, saved versions, the reminder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  useBrowser, newContext, finish, expectAccessible, storedWorkspace, waitForStored, storageSnapshot,
  WORKSPACE_KEY,
} from "./harness.mjs";

const env = useBrowser();
const FIXTURE = readFileSync(new URL("../fixtures/workspace-v7.json", import.meta.url), "utf8");
const V4 = readFileSync(new URL("../fixtures/workspace-v4.json", import.meta.url), "utf8");
const PROJECT = "6f1c2a9e-3b41-4c0e-9d2a-1f0e8b7c6a51";
const NAME = "Observatoire des herbiers de posidonie";

/** Stores `text` as the workspace, then opens `path`. */
async function seed(page, text, path = "/") {
  await page.goto(env.server.url);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [WORKSPACE_KEY, text]);
  await page.goto(env.server.url + path);
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = join(await mkdtemp(join(tmpdir(), "dr-")), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: await readFile(path, "utf8") };
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF, a given delimiter. */
function parseCsv(text, delimiter) {
  const rows = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { rows.at(-1).push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { rows.at(-1).push(field); field = ""; rows.push([]); i++; }
    else field += c;
  }
  if (field !== "" || rows.at(-1).length) rows.at(-1).push(field);
  if (rows.at(-1).length === 0) rows.pop();
  return rows;
}

const importInput = (page) => page.getByLabel("JSON file to import");

test("a project exported, storage cleared and the file imported comes back identical", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await seed(page, FIXTURE, `/project/${PROJECT}/files`);
  await page.getByRole("heading", { level: 1, name: /Files, sharing and versions/ }).waitFor();
  await expectAccessible(page, "files page");
  const file = await download(page, page.locator(".export-buttons").getByRole("button", { name: "Back up the project (JSON)" }));
  assert.match(file.name, /^observatoire-des-herbiers-de-posidonie-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.format, "data-roadmap");
  assert.equal(exported.schema_version, 9);
  await waitForStored(page, (text) => JSON.parse(text).projects[0].backup.edits_since_export === 0);
  const before = (await storedWorkspace(page)).projects.find((p) => p.id === PROJECT);
  assert.deepEqual(exported.projects, [before], "the file holds exactly what the browser holds");

  await page.evaluate(() => localStorage.clear());
  await page.goto(env.server.url);
  await page.getByText("No project yet").waitFor();
  await importInput(page).setInputFiles(file.path);
  await page.getByRole("heading", { level: 3, name: NAME }).waitFor();
  await page.getByText("2 wanted dataset(s) · 2 source(s) · 3 action(s) · 1 saved version(s)").waitFor();
  await expectAccessible(page, "import review");
  await page.getByRole("button", { name: "Import (1)" }).click();
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  await waitForStored(page, (text) => JSON.parse(text).projects.length === 1);
  assert.deepEqual((await storedWorkspace(page)).projects, [before]);

  // The same file again: the user chooses. Keeping both adds a copy with new ids.
  await page.goto(env.server.url);
  await importInput(page).setInputFiles(file.path);
  const conflict = page.getByRole("group", { name: /A project with the same identity is already here/ });
  await conflict.waitFor();
  await expectAccessible(page, "import conflict");
  assert.equal(await conflict.getByLabel("Keep both: import as a copy").isChecked(), true);
  await page.getByRole("button", { name: "Import (1)" }).click();
  await page.getByRole("heading", { level: 1, name: `${NAME} (copy)` }).waitFor();
  await waitForStored(page, (text) => JSON.parse(text).projects.length === 2);
  const copy = (await storedWorkspace(page)).projects.find((p) => p.id !== PROJECT);
  assert.notEqual(copy.wanted[0].id, before.wanted[0].id);

  // Replacing asks first, and keeps what it replaces as a saved version.
  await page.goto(`${env.server.url}/project/${PROJECT}`);
  await page.getByLabel("Project name").fill("Renamed here");
  await waitForStored(page, (text) => text.includes("Renamed here"));
  await page.goto(env.server.url);
  await importInput(page).setInputFiles(file.path);
  await page.getByLabel(/^Replace the existing project/).check();
  await page.getByRole("button", { name: "Import (1)" }).click();
  await page.getByRole("alert").filter({ hasText: "Replace the existing project with the imported one?" }).waitFor();
  assert.equal(JSON.stringify(await storedWorkspace(page)).includes("Renamed here"), true, "nothing replaced before the confirmation");
  await page.getByRole("button", { name: "Yes, replace" }).click();
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  await waitForStored(page, (text) =>
    JSON.parse(text).projects.some((p) => p.snapshots.some((s) => s.label.startsWith("Before the import"))));
  const replaced = (await storedWorkspace(page)).projects.find((p) => p.id === PROJECT);
  assert.match(replaced.snapshots[0].label, /^Before the import of/);
  assert.equal(replaced.snapshots[0].content.name, "Renamed here");
  await finish(context);
});

test("a broken, foreign, too new or tampered file is explained and changes nothing", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await seed(page, FIXTURE);
  await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
  const stored = await storageSnapshot(page);
  const duplicated = JSON.parse(FIXTURE);
  duplicated.projects[0].wanted[1].id = duplicated.projects[0].wanted[0].id;
  const cases = [
    ["cut.json", FIXTURE.slice(0, 900), /stops before its end: it was probably cut short \(line \d+, column \d+\)/],
    ["notes.json", '{"title":"my notes"}', /it is not Data Roadmap data/],
    ["future.json", '{"format":"data-roadmap","schema_version":99,"projects":[]}', /newer version of Data Roadmap \(format 99; this version reads up to format 9\)/],
    ["tampered.json", JSON.stringify(duplicated), /same identifier \(projects\[0\]\.wanted\[1\]\.id\)/],
    ["wrong.json", FIXTURE.replace('"status": "searching"', '"status": "urgent"'), /at projects\[0\]\.wanted\[0\]\.status \(unknown variant `urgent`/],
    ["old-wrong.json", V4.replace('"priority": "essential"', '"priority": "urgent"'), /at projects\[0\]\.wanted\[0\]\.priority \(unknown variant `urgent`/],
    ["photo.json", "\u0089PNG\r\n\u001a\n\u0000\u0000", /it is not valid JSON \(line 1, column 1\)/],
  ];
  for (const [name, text, reason] of cases) {
    await importInput(page).setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    const alert = page.getByTestId("import-error");
    await alert.filter({ hasText: `File “${name}”` }).waitFor();
    assert.match(await alert.innerText(), reason, name);
    assert.match(await alert.innerText(), /Nothing was changed\./);
  }
  await expectAccessible(page, "home with an import error");
  assert.deepEqual(await storageSnapshot(page), stored);
  assert.equal(await page.getByTestId("import-review").count(), 0);
  await finish(context);
});

test("a file dropped on the import box is read and reviewed like a picked one", async () => {
  const context = await newContext(env.browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "depose.json", { type: "application/json" }));
    return data;
  }, FIXTURE);
  await page.dispatchEvent("[data-testid=import-panel]", "drop", { dataTransfer: transfer });
  await page.getByRole("heading", { level: 3, name: "Festival sonore" }).waitFor();
  await page.getByRole("button", { name: "Importer (2)" }).click();
  await page.getByRole("status").filter({ hasText: "Projet(s) importé(s) : 2." }).waitFor();
  await waitForStored(page, (text) => JSON.parse(text).projects.length === 2);
  await expectAccessible(page, "home after a drop, in French");
  await finish(context);
});

test("a share link opens in a fresh profile as a preview, and imports on request", async () => {
  const sender = await newContext(env.browser);
  const page = await sender.newPage();
  await seed(page, FIXTURE, `/project/${PROJECT}/files`);
  await page.getByRole("button", { name: "Create a share link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  assert.ok(link.startsWith(`${env.server.url}/#share=`), link);
  assert.ok(link.length < 16_000);
  await expectAccessible(page, "files page with a share link");
  await finish(sender);

  const receiver = await newContext(env.browser);
  const other = await receiver.newPage();
  await other.goto(link);
  await other.getByRole("heading", { level: 2, name: "A project was shared with you" }).waitFor();
  await other.getByRole("heading", { level: 3, name: NAME }).waitFor();
  await other.getByText("2 wanted dataset(s) · 2 source(s) · 3 action(s) · 0 saved version(s)").waitFor();
  await expectAccessible(other, "share preview");
  assert.equal(await storedWorkspace(other), null, "nothing stored before the user says so");
  await other.getByRole("button", { name: "Import (1)" }).click();
  await other.getByRole("heading", { level: 1, name: NAME }).waitFor();
  assert.equal(new URL(other.url()).hash, "");
  await waitForStored(other, (text) => JSON.parse(text).projects.length === 1);
  const got = (await storedWorkspace(other)).projects[0];
  const sent = JSON.parse(FIXTURE).projects[0];
  assert.equal(got.id, sent.id);
  assert.deepEqual(got.wanted, sent.wanted);
  assert.deepEqual(got.snapshots, []);

  // A link cut short is explained, and nothing is imported.
  const cut = await receiver.newPage();
  await cut.goto(link.slice(0, link.length - 40));
  await cut.getByTestId("share-error").filter({ hasText: "incomplete or damaged" }).waitFor();
  await expectAccessible(cut, "damaged share link");
  assert.equal((await storedWorkspace(cut)).projects.length, 1);
  await finish(receiver);
});

test("CSV tables and the Markdown report download and read back", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await seed(page, FIXTURE, `/project/${PROJECT}/files`);
  const sources = await download(page, page.getByRole("button", { name: "Sources and scores (CSV)" }));
  assert.match(sources.name, /-sources\.csv$/);
  assert.ok(sources.text.startsWith("\uFEFF"), "UTF-8 byte-order mark for spreadsheets");
  const rows = parseCsv(sources.text.slice(1), ",");
  assert.equal(rows.length, 3);
  assert.equal(rows[0][2], "Source title");
  assert.deepEqual(rows.slice(1).map((r) => r[2]), ["Herbiers de posidonie — Méditerranée", "Relevés de plongeurs"]);
  assert.ok(rows.every((r) => r.length === rows[0].length));

  const wanted = await download(page, page.getByRole("button", { name: "Wanted datasets (CSV)" }));
  const wantedRows = parseCsv(wanted.text.slice(1), ",");
  assert.deepEqual(wantedRows.slice(1).map((r) => r[1]), ["Cartographie des herbiers", "<img src=x onerror=alert(1)>"]);

  const actions = await download(page, page.getByRole("button", { name: "Roadmap actions (CSV)" }));
  const actionRows = parseCsv(actions.text.slice(1), ",");
  assert.equal(actionRows.length, 4);
  assert.deepEqual(actionRows[2].slice(4, 6), ["Marc", "2026-03-31"]);

  const report = await download(page, page.getByRole("button", { name: "Report (Markdown)" }));
  assert.match(report.name, /\.md$/);
  assert.ok(report.text.startsWith(`# ${NAME}\n`));
  assert.ok(report.text.includes("\\<img src=x onerror=alert\\(1\\)\\>"), "user text escaped");
  await finish(context);
});

test("a saved version can be viewed and restored, and the state it replaces is kept", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await seed(page, FIXTURE, `/project/${PROJECT}/files`);
  await page.getByLabel("Version label").fill("Workshop 3");
  await page.getByRole("button", { name: "Save a version" }).click();
  await page.getByRole("heading", { level: 3, name: "Workshop 3" }).waitFor();
  await page.goto(`${env.server.url}/project/${PROJECT}`);
  await page.getByLabel("Project name").fill("Changed afterwards");
  await waitForStored(page, (text) => text.includes("Changed afterwards"));

  await page.goto(`${env.server.url}/project/${PROJECT}/files`);
  const versions = page.getByTestId("versions");
  await versions.getByRole("listitem").filter({ hasText: "Workshop 3" }).getByRole("link", { name: "View" }).click();
  await page.getByRole("heading", { level: 1, name: /^Version “Workshop 3” of / }).waitFor();
  await page.getByRole("heading", { level: 2, name: NAME }).waitFor();
  await expectAccessible(page, "saved version");
  await page.getByRole("button", { name: "Restore this version" }).click();
  await page.getByRole("button", { name: "Yes, restore" }).click();
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  await waitForStored(page, (text) => JSON.parse(text).projects[0].snapshots.length === 3);
  const project = (await storedWorkspace(page)).projects.find((p) => p.id === PROJECT);
  assert.deepEqual(project.snapshots.map((s) => s.label.replace(/ of .*/, "")), [
    "Before the restore", "Workshop 3", "Fin de l'atelier 2",
  ]);
  assert.equal(project.snapshots[0].content.name, "Changed afterwards");
  await finish(context);
});

test("after many edits the app suggests a backup, and a backup quiets it", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const almost = JSON.parse(FIXTURE);
  almost.projects[0].backup.edits_since_export = 299;
  almost.projects[0].backup.last_export_at = Date.now(); // not a week old: edits alone count
  await seed(page, JSON.stringify(almost), `/project/${PROJECT}`);
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  assert.equal(await page.getByTestId("backup-reminder").count(), 0);
  await page.getByLabel("Organisation or project holder").pressSequentially("!");
  const reminder = page.getByTestId("backup-reminder");
  await reminder.filter({ hasText: "changed a lot since its last backup" }).waitFor();
  await expectAccessible(page, "project with the backup reminder");
  await download(page, reminder.getByRole("button", { name: "Back up the project (JSON)" }));
  await reminder.waitFor({ state: "detached" });
  await finish(context);
});

test("a week after the last backup the app suggests another, and 'later' waits a week", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const old = JSON.parse(FIXTURE);
  old.projects[0].backup.last_export_at = Date.now() - 8 * 86_400_000;
  old.projects[0].backup.snoozed_at = null;
  await seed(page, JSON.stringify(old), `/project/${PROJECT}/wanted`);
  const reminder = page.getByTestId("backup-reminder");
  await reminder.filter({ hasText: "more than a week ago" }).waitFor();
  await expectAccessible(page, "Wanted Data List with the weekly reminder");
  await reminder.getByRole("button", { name: "Remind me later" }).click();
  await reminder.waitFor({ state: "detached" });
  await waitForStored(page, (text) => JSON.parse(text).projects[0].backup.snoozed_at > 0);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Wanted Data List" }).waitFor();
  assert.equal(await reminder.count(), 0, "snoozed for a week");
  await finish(context);
});
