// Ordinary situations that must not lose work: an undo after more work, and import files far
// larger than any workshop's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { useBrowser, newContext, expectAccessible, waitForStored, storedWorkspace, finish } from "./harness.mjs";

const env = useBrowser();

async function fileWith(name, document) {
  const path = join(await mkdtemp(join(tmpdir(), "dr-")), name);
  await writeFile(path, JSON.stringify({ format: "data-roadmap", schema_version: 7, ...document }));
  return path;
}

const project = (name) => ({ id: randomUUID(), name, wanted: [] });

test("undoing an import keeps a project worked on since, and says so", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  const file = await fileWith("one.json", { projects: [project("Imported, then worked on")] });
  await page.getByLabel("JSON file to import").setInputFiles(file);
  await page.getByRole("button", { name: "Import (1)" }).click();
  await page.getByRole("heading", { level: 1, name: "Imported, then worked on" }).waitFor();
  await page.getByLabel("Organisation or project holder").fill("Work done after the import");
  await waitForStored(page, (text) => text.includes("Work done after the import"));
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByText("Import undone, except for 1 project(s) changed since").waitFor();
  await page.waitForTimeout(600);
  const stored = await storedWorkspace(page);
  assert.deepEqual(stored.projects.map((p) => p.holder), ["Work done after the import"]);
  await finish(context);
});

test("a file of many projects is reviewed as counts, and one of too many is refused at once", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  const input = page.getByLabel("JSON file to import");

  const projects = Array.from({ length: 25 }, (_, i) => project(`Projet ${i + 1}`));
  await input.setInputFiles(await fileWith("cohort.json", { projects }));
  await page.getByTestId("import-summary").filter({ hasText: "25 projects in this file: 25 new, 0 already in this browser." }).waitFor();
  assert.equal(await page.locator(".import-item").count(), 0, "no card per project");
  await expectAccessible(page, "review of a long file");
  await page.getByRole("button", { name: "Import (25)" }).click();
  await waitForStored(page, (text) => JSON.parse(text).projects.length === 25);

  // The same file again: one choice for all 25.
  await page.goto(env.server.url);
  await input.setInputFiles(await fileWith("cohort.json", { projects }));
  await page.getByText("25 projects in this file: 0 new, 25 already in this browser.").waitFor();
  await page.getByRole("group", { name: "For the projects already in this browser:" }).waitFor();

  const started = Date.now();
  const huge = Array.from({ length: 100_000 }, () => ({ id: randomUUID() }));
  await input.setInputFiles(await fileWith("huge.json", { projects: huge }));
  await page.getByTestId("import-error").filter({ hasText: "This file holds 100000 projects: more than the 1000 one import can take." }).waitFor();
  assert.ok(Date.now() - started < 4_000, `refused in ${Date.now() - started} ms`);
  assert.equal(await page.getByTestId("import-review").count(), 0);
  assert.equal((await storedWorkspace(page)).projects.length, 25, "nothing changed");
  await finish(context);
});
