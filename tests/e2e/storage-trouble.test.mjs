// When the browser will not store: a full quota, or storage blocked outright. The user is told,
// the work goes on in memory, and what was stored before is left as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, newContext, createProject, finish, expectAccessible, waitForStored, storageSnapshot,
} from "./harness.mjs";

const env = useBrowser();

test("a full storage is reported and the previous save stays intact", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await createProject(page, "Saved before");
  await waitForStored(page, (text) => text.includes("Saved before"));
  const before = await storageSnapshot(page);

  // From now on every write of the app's data fails as a full quota does.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith("data-roadmap:") && k !== "data-roadmap:lang") {
        throw new DOMException("full", "QuotaExceededError");
      }
      return setItem.call(this, k, v);
    };
  });
  await page.getByLabel("Organisation or project holder").fill("Typed while full");
  await page.getByRole("alert").filter({ hasText: "this browser's storage is full" }).waitFor();
  await page.getByText("Changes not saved").waitFor();
  await expectAccessible(page, "project page with the storage-full warning");
  assert.deepEqual(await storageSnapshot(page), before);
  // The session keeps working in memory.
  assert.equal(await page.getByLabel("Organisation or project holder").inputValue(), "Typed while full");
  await finish(context);
});

test("blocked storage is reported and the app still works in memory", async () => {
  const context = await newContext(env.browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole("alert").filter({ hasText: "Storage unavailable" }).waitFor();
  await createProject(page, "In memory only");
  await page.getByRole("link", { name: "Open the Wanted Data List" }).click();
  await page.getByRole("button", { name: "Add a wanted dataset" }).click();
  await page.getByLabel("Dataset name").fill("Still works");
  await page.getByRole("heading", { name: "Still works" }).waitFor();
  await finish(context);
});
