// End to end, as a participant would click: projects, the Wanted Data List, storage troubles,
// hostile text, languages and accessibility. Runs against the release build in dist/.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, newContext, expectAccessible, waitForStored, storedWorkspace,
  createProject, finish, WORKSPACE_KEY,
} from "./harness.mjs";

const env = useBrowser();

const names = async (page) =>
  page.getByLabel("Dataset name").evaluateAll((inputs) => inputs.map((i) => i.value));

/** The rows' names, once the DOM has caught up with the last click (updates are async). */
async function expectNames(page, expected) {
  const deadline = Date.now() + 5_000;
  let got = await names(page);
  while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    got = await names(page);
  }
  assert.deepEqual(got, expected);
}

test("a project with three wanted datasets survives a reload, in order", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole("heading", { name: "Your projects" }).waitFor();
  await createProject(page, "Posidonia watch");
  await page.getByLabel("Organisation or project holder").fill("Mer Vivante");
  await page.getByRole("link", { name: "Open the Wanted Data List" }).click();
  await page.getByRole("heading", { level: 1, name: "Wanted Data List" }).waitFor();

  for (const name of ["Bathymetry", "Buoys", "Seagrass"]) {
    await page.getByRole("button", { name: "Add a wanted dataset" }).click();
    // The new row's name field takes the focus, so typing goes straight into it.
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("wanted-name-"));
    await page.keyboard.type(name);
  }
  await page.getByLabel("Use case: what the project will do with it").first().fill("Depth map");
  await waitForStored(page, (text) => text.includes("Seagrass") && text.includes("Depth map"));
  await page.reload();
  await expectNames(page, ["Bathymetry", "Buoys", "Seagrass"]);
  assert.equal(await page.getByLabel("Organisation or project holder").count(), 0);
  await page.getByText("1 of 3 described").waitFor();

  // Reorder with the mouse, then with the keyboard alone.
  await page.getByRole("button", { name: "Move up Seagrass" }).click();
  await expectNames(page, ["Bathymetry", "Seagrass", "Buoys"]);
  await page.getByRole("button", { name: "Move down Bathymetry" }).focus();
  await page.keyboard.press("Enter");
  await expectNames(page, ["Seagrass", "Bathymetry", "Buoys"]);
  // Moving the row moves its DOM; focus comes back to the pressed button on the next frame.
  // (A button: while the row's DOM moves, focus sits on <body>, whose text has every label.)
  const focusIsOn = (text) =>
    page.waitForFunction((text) => {
      const focused = document.activeElement;
      return focused?.tagName === "BUTTON" && focused.textContent.replace(/\s+/g, " ").includes(text);
    }, text);
  await focusIsOn("Move down Bathymetry");
  await page.keyboard.press("Enter");
  await expectNames(page, ["Seagrass", "Buoys", "Bathymetry"]);
  // The row reached the end: focus moved to its other button rather than being lost.
  await focusIsOn("Move up Bathymetry");

  // Details, flags and choices are kept too.
  await page.getByRole("button", { name: "Details Buoys" }).click();
  await page.getByLabel("To standardise").check(); // only the open row has its details
  await page.getByLabel("Value for the project").nth(1).selectOption({ label: "3 — essential: without it the project loses much of its value" });
  await expectAccessible(page, "Wanted Data List with details open");
  await waitForStored(page, (text) => text.includes("to_standardise") && text.includes('"value":3'));
  await page.reload();
  await expectNames(page, ["Seagrass", "Buoys", "Bathymetry"]);
  const stored = await storedWorkspace(page);
  assert.equal(stored.schema_version, 9);
  const buoys = stored.projects[0].wanted[1];
  assert.deepEqual([buoys.name, buoys.value, buoys.flags], ["Buoys", 3, ["to_standardise"]]);

  // Remove, then undo.
  await page.getByRole("button", { name: "Remove Buoys" }).click();
  await expectNames(page, ["Seagrass", "Bathymetry"]);
  await page.getByRole("button", { name: "Undo" }).click();
  await expectNames(page, ["Seagrass", "Buoys", "Bathymetry"]);

  await finish(context);
});

test("projects can be renamed, duplicated, and deleted with confirmation and undo", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await createProject(page, "Festival sonore");
  await page.getByRole("link", { name: "Projects", exact: true }).click();

  await page.getByRole("button", { name: "Rename Festival sonore" }).click();
  await page.getByLabel("New name").fill("Festival des sons");
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Duplicate Festival des sons" }).click();
  await page.getByRole("link", { name: "Festival des sons (copy)", exact: true }).waitFor();
  await expectAccessible(page, "home with two projects");

  await page.getByRole("button", { name: "Delete Festival des sons (copy)" }).click();
  await page.getByText("Delete “Festival des sons (copy)” and all its data?").waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Delete Festival des sons (copy)" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.getByText("Project “Festival des sons (copy)” deleted.").waitFor();
  assert.equal(await page.getByRole("listitem").filter({ hasText: "(copy)" }).count(), 0);
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("link", { name: "Festival des sons (copy)", exact: true }).waitFor();

  await waitForStored(page, (text) => JSON.parse(text).projects.length === 2);
  await page.reload();
  await page.getByRole("link", { name: "Festival des sons", exact: true }).waitFor();
  await page.getByRole("link", { name: "Festival des sons (copy)", exact: true }).waitFor();
  await finish(context);
});

test("a corrupt stored value is reported, kept aside and downloadable", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  // Reload once the service worker is active: one run that reloaded while it was still
  // installing found two set-aside copies (each load that meets unreadable text keeps one).
  await page.evaluate(() => navigator.serviceWorker.ready);
  const raw = '{"schema_version":1,"projects":[{"name":"half a proj';
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [WORKSPACE_KEY, raw]);
  await page.reload();

  const notice = page.getByRole("alert").filter({ hasText: "Your saved data could not be read" });
  await notice.waitFor();
  assert.match(await notice.textContent(), /cut short \(line 1, column \d+\)/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("data-roadmap:set-aside:")).map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [raw]);
  await expectAccessible(page, "home with the unreadable-data notice");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the unreadable data" }).click(),
  ]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString("utf8"), raw);

  // The user carries on: their new work is saved, and the set-aside copy stays.
  await createProject(page, "Fresh start");
  await waitForStored(page, (text) => text.includes("Fresh start"));
  await page.goto(env.server.url);
  await page.getByRole("heading", { name: "Data set aside" }).waitFor();
  const stillKept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("data-roadmap:set-aside:")).length,
  );
  assert.equal(stillKept, 1);
  await finish(context);
});

test("hostile text is shown as text and runs nothing", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  const img = "<img src=x onerror=alert(1)>";
  const js = "javascript:alert(1)";
  await createProject(page, img);
  await page.getByLabel("Short description").fill(js);
  await page.getByRole("link", { name: "Open the Wanted Data List" }).click();
  await page.getByRole("button", { name: "Add a wanted dataset" }).click();
  await page.getByLabel("Dataset name").fill(js);
  await page.getByRole("button", { name: /^Details/ }).click();
  await page.getByLabel("Contact").fill(img);
  await waitForStored(page, (text) => text.includes("javascript:alert(1)"));
  await page.reload();
  await page.goto(env.server.url);
  await page.getByRole("link", { name: img, exact: true }).waitFor();
  await page.getByRole("link", { name: img, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: img }).waitFor();
  await page.getByRole("link", { name: "Open the Wanted Data List" }).click();
  await page.getByRole("heading", { name: js }).waitFor();

  assert.equal(await page.locator("main img").count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.deepEqual(page.dialogs, [], "no alert ran");
  await finish(context);
});

test("the language follows the browser, can be switched, and is remembered", async () => {
  const context = await newContext(env.browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole("heading", { name: "Vos projets" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  await expectAccessible(page, "accueil (fr)");

  await createProject(page, "Trame verte");
  await expectAccessible(page, "page projet (fr)");
  await page.getByRole("link", { name: "Phase 1 : Liste des données recherchées" }).click();
  await page.getByRole("button", { name: "Ajouter une donnée recherchée" }).click();
  await page.getByRole("button", { name: /^Détails/ }).click();
  await expectAccessible(page, "liste des données recherchées (fr)");

  await page.getByLabel("Langue").selectOption("en");
  await page.getByRole("heading", { level: 1, name: "Wanted Data List" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.getByText("0 of 1 described").waitFor();
  await expectAccessible(page, "Wanted Data List (en)");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Wanted Data List" }).waitFor();

  await page.goto(`${env.server.url}/project/not-a-project`);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  await expectAccessible(page, "not found (en)");
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("heading", { name: "Page introuvable" }).waitFor();
  await expectAccessible(page, "page introuvable (fr)");
  await page.getByRole("link", { name: "Retour aux projets" }).click();
  await page.getByRole("heading", { name: "Vos projets" }).waitFor();
  await expectAccessible(page, "accueil avec un projet (fr)");
  await finish(context);
});

test("a change made in another tab shows up here without being overwritten", async () => {
  const context = await newContext(env.browser);
  const first = await context.newPage();
  await first.goto(env.server.url);
  await createProject(first, "Shared");
  const url = first.url();
  await waitForStored(first, (text) => text.includes("Shared"));

  const second = await context.newPage();
  await second.goto(url);
  await second.getByLabel("Organisation or project holder").fill("Written in tab two");
  await waitForStored(second, (text) => text.includes("Written in tab two"));

  await first.getByText("This data was changed in another tab").waitFor();
  assert.equal(await first.getByLabel("Organisation or project holder").inputValue(), "Written in tab two");
  await first.waitForTimeout(800);
  assert.equal((await storedWorkspace(first)).projects[0].holder, "Written in tab two");
  await finish(context);
});
