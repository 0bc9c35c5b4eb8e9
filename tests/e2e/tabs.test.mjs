// Work that used to be lost between tabs, versions and failed saves: each situation played in
// one browser profile, with two pages where it needs two tabs, against the storage layout
// (one key per project, revisions, merges).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useBrowser, newContext, expectAccessible, waitForStored, storedWorkspace, storageSnapshot,
  seedStorage, finish, WORKSPACE_KEY, INDEX_KEY,
} from "./harness.mjs";

const env = useBrowser();
const FIXTURE = await readFile(new URL("../fixtures/workspace-v7.json", import.meta.url), "utf8");
const GOLDEN = JSON.parse(await readFile(new URL("../fixtures/storage-layout-2.json", import.meta.url), "utf8"));
const A = "6f1c2a9e-3b41-4c0e-9d2a-1f0e8b7c6a51";
const B = "a3b4c5d6-e7f8-4a1b-9c2d-3e4f5a6b7c8d";
const KEY_A = `data-roadmap:project:${A}`;
const HOLDER = "Organisation or project holder";
const OBJECTIVES = "Objectives";
/** A page of the origin that is not the app: the manifest, a JSON file. */
const notTheApp = () => `${env.server.url}/manifest.webmanifest`;

/** A profile holding the golden layout (the v6 fixture's two projects). */
/** Storage is seeded from a page of the origin that is not the app, so that no app instance
 * sees the seeding (the app would migrate a single key as soon as it is written). */
async function seededContext(entries = GOLDEN) {
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(notTheApp());
  await seedStorage(page, entries);
  await page.close();
  return context;
}

async function openProject(context, id) {
  const page = await context.newPage();
  await page.goto(`${env.server.url}/project/${id}`);
  await page.getByLabel(HOLDER).waitFor();
  return page;
}

/** Writes project A's record as another tab would (one revision on), from inside `page`,
 * which therefore gets no `storage` event: to the page, the other tab's write went unseen. */
async function writeUnseen(page, change) {
  const record = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY_A));
  record.revision += 1;
  Object.assign(record.project, change);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY_A, JSON.stringify(record)]);
}

const storedProject = async (page, id) => (await storedWorkspace(page)).projects.find((p) => p.id === id);

test("two tabs typing in two projects in the same second both keep their text", async () => {
  const context = await seededContext();
  const one = await openProject(context, A);
  const two = await openProject(context, B);
  await one.getByLabel(HOLDER).fill("Typed in tab one");
  await two.getByLabel(HOLDER).fill("Typed in tab two");
  await waitForStored(one, (text) => text.includes("Typed in tab one") && text.includes("Typed in tab two"));
  await one.waitForTimeout(500);
  await one.reload();
  await two.reload();
  assert.equal(await one.getByLabel(HOLDER).inputValue(), "Typed in tab one");
  assert.equal(await two.getByLabel(HOLDER).inputValue(), "Typed in tab two");
  await finish(context);
});

test("a stale tab merges another tab's work instead of saving its old copy over it", async () => {
  const context = await seededContext();
  const page = await openProject(context, A);
  await writeUnseen(page, { objectives: "Written by another tab" });
  await page.getByLabel(HOLDER).fill("Typed in the stale tab");
  await waitForStored(page, (text) => text.includes("Typed in the stale tab"));
  const project = await storedProject(page, A);
  assert.equal(project.objectives, "Written by another tab");
  assert.equal(project.holder, "Typed in the stale tab");
  assert.equal(project.snapshots.length, 1, "no conflict copy for different fields");
  // The page shows the merged project.
  await page.waitForFunction(
    (label) => [...document.querySelectorAll("textarea, input")].some((e) => e.value === label),
    "Written by another tab",
  );
  assert.equal(await page.getByTestId("conflict-notice").count(), 0);
  await finish(context);
});

test("the same field changed in two tabs keeps the other tab's value and a conflict copy", async () => {
  const context = await seededContext();
  const page = await openProject(context, A);
  await writeUnseen(page, { holder: "The other tab's holder" });
  await page.getByLabel(HOLDER).fill("This tab's holder");
  const notice = page.getByTestId("conflict-notice");
  await notice.waitFor();
  assert.match(
    await notice.innerText(),
    /“Observatoire des herbiers de posidonie” was also changed in another tab, in the same places: its values are kept, and your version is saved under “Saved versions” as “Conflict copy — [^”]+”\./,
  );
  await expectAccessible(page, "project page with a conflict notice");
  await waitForStored(page, (text) => text.includes("Conflict copy"));
  const project = await storedProject(page, A);
  assert.equal(project.holder, "The other tab's holder");
  assert.match(project.snapshots[0].label, /^Conflict copy — /);
  assert.equal(project.snapshots[0].content.holder, "This tab's holder");
  assert.equal(await page.getByLabel(HOLDER).inputValue(), "The other tab's holder");
  await finish(context);
});

test("a project saved by a newer version is shown as such, and never written over", async () => {
  const newer = JSON.parse(GOLDEN[KEY_A]);
  newer.schema_version = 99;
  const context = await seededContext({ ...GOLDEN, [KEY_A]: JSON.stringify(newer) });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const held = page.getByTestId("held-projects");
  await held.filter({
    hasText: "“Observatoire des herbiers de posidonie” was saved by a newer version of Data Roadmap (format 99): this version neither shows nor changes it. Reload the page to update.",
  }).waitFor();
  await expectAccessible(page, "home with a project from a newer version");
  // The other project keeps working.
  await page.getByRole("link", { name: "Festival sonore" }).first().click();
  await page.getByLabel(HOLDER).fill("Still working");
  await waitForStored(page, (text) => text.includes("Still working"));
  const stored = await storageSnapshot(page);
  assert.equal(stored[KEY_A], JSON.stringify(newer), "untouched");
  assert.deepEqual(JSON.parse(stored[INDEX_KEY]).projects, [A, B], "still listed");
  await finish(context);
});

test("a workspace or an index from a newer version makes this one read-only", async () => {
  const newerSingle = FIXTURE.replace('"schema_version": 7', '"schema_version": 42');
  const newerIndex = GOLDEN[INDEX_KEY].replace('"layout":2', '"layout":3');
  for (const entries of [{ [WORKSPACE_KEY]: newerSingle }, { ...GOLDEN, [INDEX_KEY]: newerIndex }]) {
    const context = await seededContext(entries);
    const page = await context.newPage();
    await page.goto(env.server.url);
    const notice = page.getByTestId("newer-data");
    await notice.filter({ hasText: "Your data was saved by a newer version of Data Roadmap" }).waitFor();
    assert.match(await notice.innerText(), /This older version neither shows the data nor writes to it: reload the page to update the app\./);
    await expectAccessible(page, "home with data from a newer version");
    await page.getByLabel("Project name").fill("Made in the old version");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByText("Changes not saved").waitFor();
    assert.equal(await page.getByTestId("save-problem").count(), 0, "said once, by the notice above");
    await page.waitForTimeout(700);
    assert.deepEqual(await storageSnapshot(page), entries, "nothing written");
    await finish(context);
  }
});

test("a failed save keeps its edits, merges the other tab's, and asks before the tab closes", async () => {
  const context = await seededContext();
  const one = await openProject(context, A);
  const two = await openProject(context, A);
  // Tab one can no longer write project A, as when the storage is full.
  await one.evaluate((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key && !window.roomAgain) throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, k, v);
    };
  }, KEY_A);
  await one.getByLabel(HOLDER).fill("Typed while full");
  await one.getByText("Changes not saved").waitFor();
  await two.getByLabel(OBJECTIVES).fill("Written in tab two");
  await waitForStored(two, (text) => text.includes("Written in tab two"));
  // Tab one took the other tab's work in, and kept its own.
  await one.waitForFunction(
    (id) => document.getElementById(id)?.value === "Written in tab two",
    await one.getByLabel(OBJECTIVES).getAttribute("id"),
  );
  assert.equal(await one.getByLabel(HOLDER).inputValue(), "Typed while full");

  // Closing now would lose the edit: the browser asks first (the harness answers "stay").
  const asked = one.waitForEvent("dialog");
  await one.close({ runBeforeUnload: true });
  assert.equal((await asked).type(), "beforeunload");

  await one.evaluate(() => { window.roomAgain = true; });
  await one.getByLabel(HOLDER).fill("Typed while full, saved later");
  await waitForStored(one, (text) => text.includes("Typed while full, saved later"));
  const project = await storedProject(one, A);
  assert.equal(project.objectives, "Written in tab two");
  // Saved: closing asks nothing.
  one.dialogs.length = 0;
  await one.close({ runBeforeUnload: true });
  await two.waitForTimeout(300);
  assert.deepEqual(one.dialogs, []);
  await finish(context);
});

test("the single key of the previous version migrates, and an old tab's write to it is merged in", async () => {
  const context = await seededContext({ [WORKSPACE_KEY]: FIXTURE });
  const page = await openProject(context, A);
  const migrated = await storageSnapshot(page);
  assert.equal(migrated[WORKSPACE_KEY], undefined);
  assert.equal(migrated["data-roadmap:workspace-retired"], FIXTURE, "kept until the next load");
  // The golden layout also holds the v8 fixture's workshop, which a v7 workspace has not.
  const projectKeys = Object.keys(GOLDEN).filter((key) => !key.startsWith("data-roadmap:workshop:"));
  for (const key of projectKeys) assert.ok(migrated[key], key);
  assert.deepEqual((await storedWorkspace(page)).projects, JSON.parse(FIXTURE).projects);

  // A tab still running the previous version saves its whole workspace to the single key.
  const old = await context.newPage();
  await old.goto(notTheApp());
  const oldWorkspace = JSON.parse(FIXTURE);
  oldWorkspace.projects[1].holder = "Typed in an old tab";
  await old.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSPACE_KEY, JSON.stringify(oldWorkspace)]);
  await waitForStored(page, (text) => text.includes("Typed in an old tab"));
  await page.waitForFunction((key) => localStorage.getItem(key) === null, WORKSPACE_KEY);

  await page.reload();
  await page.getByLabel(HOLDER).waitFor();
  assert.equal((await storageSnapshot(page))["data-roadmap:workspace-retired"], undefined, "retired after a good load");
  await finish(context);
});
