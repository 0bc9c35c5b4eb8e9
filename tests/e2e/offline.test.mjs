// Offline and installable: once loaded, the app and its data work with no network at all,
// deep links included; a new deployment is offered as "reload to update" and leaves the data alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import {
  DIST, launch, startServer, closeServers, newContext, createProject, finish, expectAccessible, waitForStored, storageSnapshot,
  storedWorkspace,
} from "./harness.mjs";

// Each test deploys its own copy of the build, so that one can be changed under the browser.
const env = {};
before(async () => {
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await closeServers();
});

async function deploy() {
  const root = await mkdtemp(join(tmpdir(), "dr-deploy-"));
  await cp(DIST, root, { recursive: true });
  return { root, server: await startServer(root + "/") };
}

/** Waits until a service worker controls the page (it claims clients on activation). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

/** Drops every request of `page` to `url` as a lost connection would; returns the list of those dropped. */
async function dropRequests(page, url) {
  const dropped = [];
  await page.route(url, (route) => {
    dropped.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  return dropped;
}

test("the build ships a manifest with both icons, and a service worker with its precache list", async () => {
  const manifest = JSON.parse(await readFile(join(DIST, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.start_url, "/");
  assert.equal(manifest.display, "standalone");
  assert.ok(manifest.theme_color);
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
    const png = await readFile(join(DIST, icon.src));
    assert.equal(png.readUInt32BE(16), size, `${icon.src} is ${size} px wide`);
  }
  const sw = await readFile(join(DIST, "sw.js"), "utf8");
  const list = JSON.parse(sw.match(/const PRECACHE = (.*);/)[1]);
  const wasm = list.find((url) => url.endsWith(".wasm"));
  assert.ok(wasm && list.includes("/index.html") && list.includes("/manifest.webmanifest"), list.join(" "));
  assert.ok(!list.includes("/sw.js"));
});

test("after one visit the app, a deep link and the data work with the network off", async () => {
  const site = await deploy();
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(site.server.url);
  await controlled(page);
  await page.getByTestId("persistence").filter({ hasText: /storage|keep/i }).waitFor();
  await createProject(page, "Works offline");
  const projectUrl = page.url();
  await page.getByRole("link", { name: "Open the Wanted Data List" }).click();
  await page.getByRole("button", { name: "Add a wanted dataset" }).click();
  await page.getByLabel("Dataset name").fill("Tide gauges");
  await waitForStored(page, (text) => text.includes("Tide gauges"));

  await context.setOffline(true);
  await site.server.close();
  await page.goto(site.server.url);
  await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
  await page.getByRole("link", { name: "Works offline" }).first().waitFor();
  await page.goto(`${projectUrl}/wanted`);
  await page.getByRole("heading", { name: "Tide gauges" }).waitFor();
  await expectAccessible(page, "wanted list, offline");
  await finish(context);
});

test("a new deployment is offered as reload to update, and the data is kept", async () => {
  const site = await deploy();
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(site.server.url);
  await controlled(page);
  await createProject(page, "Before the update");
  await waitForStored(page, (text) => text.includes("Before the update"));
  const oldScript = await page.evaluate(async () => (await caches.keys()).join(","));

  // Deploy a changed build: a new index.html and so a new service worker version.
  const index = join(site.root, "index.html");
  await writeFile(index, (await readFile(index, "utf8")).replace("</head>", "<!-- build 2 --></head>"));
  const sw = join(site.root, "sw.js");
  await writeFile(sw, (await readFile(sw, "utf8")).replace(/const VERSION = "(\w+)"/, 'const VERSION = "$1b2"'));

  await page.reload();
  const offer = page.getByTestId("update-offer");
  await offer.waitFor({ timeout: 20_000 });
  await expectAccessible(page, "update offer");
  const stored = await storageSnapshot(page);
  await Promise.all([
    page.waitForEvent("load"),
    offer.getByRole("button", { name: "Reload to update" }).click(),
  ]);
  await page.getByRole("heading", { level: 1, name: "Before the update" }).waitFor();
  assert.deepEqual(await storageSnapshot(page), stored);
  const caches = await page.evaluate(async () => (await caches.keys()).join(","));
  assert.notEqual(caches, oldScript);
  assert.match(caches, /^data-roadmap-\w+b2$/, "the old cache was dropped on activation");
  assert.equal(await page.getByTestId("update-offer").count(), 0);
  await finish(context);
  await site.server.close();
});

test("the first visit downloads the home screen's code, then phase 1's; later pages come on first use, offline too", async () => {
  const site = await deploy();
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  const lazy = () => fetched.filter((path) => /^\/(split|chunk)_.*\.wasm$/.test(path));
  // Marks when the app registers its service worker, whose install downloads every file.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      performance.mark("test:service-worker-registered");
      return register.apply(this, args);
    };
  });
  await page.goto(site.server.url);
  await page.locator("#new-project-name").waitFor();
  assert.equal(fetched.filter((path) => path.endsWith("_bg.wasm")).length, 1);
  // The strings of the language shown, and not the other's (src/i18n/packs.rs).
  assert.deepEqual(lazy().filter((path) => path.startsWith("/split_strings")), ["/split_strings_en.wasm"]);
  // The overview and phase 1 follow the first screen, with the code that saves (nothing is
  // stored yet, so the first screen did not wait for it), and nothing else does.
  await page.waitForFunction(() => performance.getEntriesByName("data-roadmap:phase-one-ready").length === 1);
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => entry.name.includes("/split_keeper")));
  const following = ["/split_keeper.wasm", "/split_phase_one.wasm", "/split_strings_en.wasm"];
  assert.deepEqual(lazy().filter((path) => path.startsWith("/split_")).sort(), following, lazy().join(" "));
  // Only then the service worker: its downloads do not compete with the first screen's.
  const order = await page.waitForFunction(() => {
    const registered = performance.getEntriesByName("test:service-worker-registered")[0];
    const keeper = performance.getEntriesByType("resource").find((entry) => entry.name.includes("/split_keeper"));
    return registered && { registered: registered.startTime, keeper: keeper.responseEnd };
  }).then((handle) => handle.jsonValue());
  assert.ok(order.registered >= order.keeper, JSON.stringify(order));
  const list = JSON.parse((await readFile(join(site.root, "sw.js"), "utf8")).match(/const PRECACHE = (.*);/)[1]);
  assert.ok(list.some((url) => /^\/split_project_pages.*\.wasm$/.test(url)), "the service worker precaches the lazy pages");
  assert.ok(list.includes("/__wasm_split.js"));
  await controlled(page);

  // Offline, a page that was never opened still loads: its module comes from the precache.
  await createProject(page, "Later pages");
  await context.setOffline(true);
  await page.getByRole("link", { name: "Workshops", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Workshops" }).waitFor();
  assert.ok(lazy().some((path) => path.startsWith("/split_workshop_mode")), lazy().join(" "));
  await page.goBack();
  await page.getByRole("link", { name: "Phase 3", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Open-data roadmap" }).waitFor();
  assert.ok(lazy().some((path) => path.startsWith("/split_project_pages")));
  await context.setOffline(false);
  await finish(context);
  await site.server.close();
});

test("a module download that hangs after the first screen does not keep the service worker away", async () => {
  const site = await deploy();
  const context = await newContext(env.browser);
  const page = await context.newPage();
  // Phase 1's module is never answered: neither a response nor an error.
  await page.route(/\/split_phase_one.*\.wasm$/, () => {});
  await page.goto(site.server.url);
  await page.locator("#new-project-name").waitFor();
  try {
    // The worker is registered at the latest 10 s after the first screen (app::OFFLINE_AT_LATEST).
    await controlled(page);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await finish(context);
  } finally {
    // The held request must not keep the suite waiting if the worker never comes.
    await context.close();
    await site.server.close();
  }
});

test("a later page whose download fails says so, keeps the data, and loads on \"Try again\"", async () => {
  const site = await deploy();
  // No service worker: the request goes to the network, which drops it the first time.
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  const dropped = await dropRequests(page, /\/split_project_pages.*\.wasm$/);
  await page.goto(site.server.url);
  await createProject(page, "Flaky Wi-Fi");
  await page.getByRole("link", { name: "Phase 3", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be downloaded" });
  await alert.waitFor();
  assert.equal(dropped.length, 1);
  await expectAccessible(page);
  await page.unroute(/\/split_project_pages.*\.wasm$/);
  await alert.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 1, name: "Open-data roadmap" }).waitFor();
  assert.equal(await alert.count(), 0);
  // The app kept running: the rest of the project is still there and editable.
  await page.getByRole("link", { name: "Phase 1", exact: true }).click();
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await finish(context);
  await site.server.close();
});

test("the first visit downloads the main wasm and the strings of the browser's language once each", async () => {
  const site = await deploy();
  for (const [locale, tag] of [["fr-FR", "fr"], ["en-US", "en"], ["de-DE", "fr"]]) {
    const context = await newContext(env.browser, { locale, serviceWorkers: "block" });
    const page = await context.newPage();
    const modules = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/split_strings_") || path.endsWith("_bg.wasm")) modules.push(path);
    });
    await page.goto(site.server.url);
    await page.locator("#new-project-name").waitFor();
    // One request each: the glue and the loader take the modules index.html compiled (a miss
    // would fetch twice, as Safari did with Trunk's preload).
    assert.equal(modules.filter((path) => path.endsWith("_bg.wasm")).length, 1, locale);
    assert.deepEqual(modules.filter((path) => path.startsWith("/split_strings_")), [`/split_strings_${tag}.wasm`], locale);
    assert.equal(await page.locator("html").getAttribute("lang"), tag);
    await finish(context);
  }
  await site.server.close();
});

test("a first visit whose early download of the main wasm fails fetches it again and starts", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  const requests = [];
  await page.route(/_bg\.wasm$/, (route) => {
    requests.push(route.request().url());
    return requests.length === 1 ? route.abort("internetdisconnected") : route.continue();
  });
  await page.goto(site.server.url);
  await page.locator("#new-project-name").waitFor();
  assert.equal(requests.length, 2, "dropped once, then fetched by the glue");
  await expectAccessible(page);
  await finish(context);
  await site.server.close();
});

test("a first visit whose language cannot be downloaded says so in that language, and starts on reload", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { locale: "fr-FR", serviceWorkers: "block" });
  const page = await context.newPage();
  const strings = /\/split_strings_fr\.wasm$/;
  await page.route(strings, (route) => route.abort("internetdisconnected"));
  await page.goto(site.server.url);
  const alert = page.getByRole("alert").filter({ hasText: "Data Roadmap n'a pas pu finir de se charger." });
  await alert.waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  await expectAccessible(page);
  await page.unroute(strings);
  await page.getByRole("button", { name: "Recharger la page" }).click();
  await page.getByRole("heading", { level: 1, name: "Vos projets" }).waitFor();
  await finish(context);
  await site.server.close();
});

test("switching to a language that cannot be downloaded says so and keeps the screen as it was", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  const strings = /\/split_strings_fr\.wasm$/;
  const dropped = await dropRequests(page, strings);
  await page.goto(site.server.url);
  await createProject(page, "Bilingual");
  await page.getByLabel("Language").selectOption("fr");
  await page.getByText("The Français interface could not be downloaded").waitFor();
  assert.equal(dropped.length, 1);
  assert.equal(await page.getByLabel("Language").inputValue(), "en");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await expectAccessible(page);
  await page.unroute(strings);
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("link", { name: "Projets", exact: true }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  await finish(context);
  await site.server.close();
});

test("a download whose writer cannot be fetched says so, keeps the data, and works on the next click", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  const dropped = await dropRequests(page, /\/split_exports.*\.wasm$/);
  await page.goto(site.server.url);
  await createProject(page, "Backup on flaky Wi-Fi");
  // Back to the list as a participant goes (a reload here once ended in net::ERR_ABORTED in CI).
  await page.getByRole("link", { name: "Projects", exact: true }).click();
  const backup = page.locator("#export-workspace");
  await backup.click();
  await page.getByText("The file could not be prepared: the code that writes it could not be downloaded").waitFor();
  assert.equal(dropped.length, 1);
  await expectAccessible(page);
  await page.unroute(/\/split_exports.*\.wasm$/);
  const [file] = await Promise.all([page.waitForEvent("download"), backup.click()]);
  const text = await readFile(await file.path(), "utf8");
  assert.equal(JSON.parse(text).projects[0].name, "Backup on flaky Wi-Fi");
  await finish(context);
  await site.server.close();
});

test("a share link whose reader cannot be fetched says so, changes nothing, and opens on \"Try again\"", async () => {
  const site = await deploy();
  const fixture = JSON.parse(await readFile(new URL("../fixtures/workspace-v9.json", import.meta.url), "utf8"));
  const shared = { ...fixture, projects: [fixture.projects[0]], workshops: [] };
  const data = deflateRawSync(Buffer.from(JSON.stringify(shared))).toString("base64url");
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(/\/split_import_review.*\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.goto(`${site.server.url}/#share=${data}`);
  const alert = page.getByRole("alert").filter({ hasText: "The shared project could not be opened" });
  await alert.waitFor();
  await expectAccessible(page);
  const projects = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("data-roadmap:project:")));
  assert.deepEqual(await projects(), [], "nothing was imported");
  await page.unroute(/\/split_import_review.*\.wasm$/);
  await alert.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 3, name: fixture.projects[0].name }).waitFor();
  assert.equal(await alert.count(), 0);
  await finish(context);
  await site.server.close();
});

test("the home screen works while its lower sections' code is missing, and brings them on \"Try again\"", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(/\/split_phase_one.*\.wasm$/, (route) => route.abort("internetdisconnected"));
  await page.goto(site.server.url);
  const alert = page.getByRole("alert").filter({ hasText: "This part of the page could not be downloaded" });
  await alert.waitFor();
  await page.locator("#new-project-name").waitFor();
  await expectAccessible(page);
  await page.unroute(/\/split_phase_one.*\.wasm$/);
  await alert.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 2, name: "Import a project" }).waitFor();
  assert.equal(await alert.count(), 0);
  await createProject(page, "After the Wi-Fi came back");
  await finish(context);
  await site.server.close();
});

test("a first visit whose saving code cannot be fetched keeps the edits, says so, and saves them once it comes", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  const keeper = /\/split_keeper.*\.wasm$/;
  await page.route(keeper, (route) => route.abort("internetdisconnected"));
  await page.goto(site.server.url);
  await createProject(page, "Edited before the keeper");
  const notice = page.getByTestId("save-problem").filter({ hasText: "Not saved yet: the code that saves could not be downloaded" });
  await notice.waitFor();
  assert.equal(await page.getByTestId("save-indicator").textContent(), "Changes not saved");
  await expectAccessible(page);
  assert.deepEqual(await storageSnapshot(page), {}, "nothing written yet");
  await page.unroute(keeper);
  // Tried again a few seconds later, without the user doing anything.
  await notice.waitFor({ state: "detached", timeout: 15_000 });
  await page.getByTestId("save-indicator").filter({ hasText: "Changes saved in this browser" }).waitFor();
  assert.equal((await storedWorkspace(page)).projects[0].name, "Edited before the keeper");
  await page.reload();
  await page.getByRole("heading", { level: 1 }).filter({ hasText: "Edited before the keeper" }).waitFor();
  await finish(context);
  await site.server.close();
});

test("stored projects whose reading code cannot be fetched are not shown half-read: the page says so, and opens them on \"Try again\"", async () => {
  const site = await deploy();
  const context = await newContext(env.browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(site.server.url);
  await createProject(page, "Kept while offline");
  await page.getByTestId("save-indicator").filter({ hasText: "Changes saved in this browser" }).waitFor();
  const stored = await storageSnapshot(page);
  const keeper = /\/split_keeper.*\.wasm$/;
  await page.route(keeper, (route) => route.abort("internetdisconnected"));
  await page.reload();
  const alert = page.getByTestId("opening-failed");
  await alert.getByRole("heading", { level: 1, name: "Your projects could not be opened" }).waitFor();
  await alert.getByText("The code that reads them could not be downloaded").waitFor();
  await expectAccessible(page);
  assert.deepEqual(await storageSnapshot(page), stored, "nothing was written");
  await page.unroute(keeper);
  await alert.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 1 }).filter({ hasText: "Kept while offline" }).waitFor();
  assert.equal(await alert.count(), 0);
  assert.deepEqual(await storageSnapshot(page), stored);
  await finish(context);
  await site.server.close();
});
