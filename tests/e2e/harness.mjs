// Shared set-up for the end-to-end tests: a static server for dist/ on loopback, Chromium
// through playwright-core, an axe-core check, a guard that no request leaves 127.0.0.1, and
// a free port for the servers the tests start outside Node.
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

export const DIST = new URL("../../dist/", import.meta.url).pathname;
/** The single key of storage layout 1: seeding it tests the migration to the current layout. */
export const WORKSPACE_KEY = "data-roadmap:workspace";
export const INDEX_KEY = "data-roadmap:index";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Servers not closed yet: a test that fails half-way leaves its own, and `closeServers` ends them. */
const open = new Set();

/** Closes every server a test left open, so that a failed test cannot keep its file running. */
export async function closeServers() {
  await Promise.all([...open].map((close) => close()));
}

/** A port nothing listens on now, for a server the tests start outside Node (nginx, WebDriver). */
export async function freePort() {
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Serves `root` on 127.0.0.1; unknown paths without an extension get index.html (SPA). */
export async function startServer(root = DIST) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    } catch {
      if (extname(path)) {
        res.writeHead(404).end();
        return;
      }
      file = join(root, "index.html");
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  // Closing also drops kept-alive connections, which would otherwise hold the server open.
  const close = () =>
    new Promise((resolve) => {
      open.delete(close);
      server.close(() => resolve());
      server.closeAllConnections();
    });
  open.add(close);
  return { url, close };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A fresh browser profile in the given language. Any request to another host than the test
 * server is blocked and recorded in `context.outsideRequests`; any dialog fails the test.
 */
/** `serviceWorkers: "block"` where a test opens pages that must not be the app: once the
 * worker is active, it answers every navigation of the origin with index.html. */
export async function newContext(browser, { locale = "en-GB", serviceWorkers = "allow" } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads: true, serviceWorkers });
  context.outsideRequests = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    context.outsideRequests.push(url.href);
    return route.abort();
  });
  context.on("page", (page) => watchPage(page));
  return context;
}

function watchPage(page) {
  page.dialogs = [];
  page.errors = [];
  page.on("dialog", (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on("pageerror", (error) => page.errors.push(error.message));
  // Chromium reports every Content-Security-Policy violation on the console.
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/.test(message.text())) {
      page.errors.push(`CSP: ${message.text()}`);
    }
  });
}

/** Fails with a readable list if axe-core finds any WCAG 2.1 A/AA violation. */
export async function expectAccessible(page, screen) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(found, [], `axe-core on ${screen}`);
}

/**
 * Every key the app keeps in localStorage, as an object (the language choice aside): what a
 * test compares to show that nothing was written.
 */
export async function storageSnapshot(page) {
  const all = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  delete all["data-roadmap:lang"];
  return all;
}

/**
 * The stored workspace as one document, put together here from the storage layout (the
 * index, one key per project, one per project's saved versions) the way the app reads it.
 */
export function workspaceFrom(storage) {
  const index = storage[INDEX_KEY];
  if (index === undefined) {
    const single = storage[WORKSPACE_KEY];
    return single === undefined ? null : JSON.parse(single);
  }
  const projects = JSON.parse(index).projects.flatMap((id) => {
    const record = storage[`data-roadmap:project:${id}`];
    if (record === undefined) return [];
    const { project } = JSON.parse(record);
    const versions = storage[`data-roadmap:versions:${id}`];
    return [{ ...project, snapshots: versions === undefined ? [] : JSON.parse(versions).snapshots }];
  });
  const workshops = Object.keys(storage)
    .filter((key) => key.startsWith("data-roadmap:workshop:"))
    .map((key) => JSON.parse(storage[key]).workshop)
    .sort((a, b) => a.created_at - b.created_at);
  return { schema_version: JSON.parse(index).schema_version, projects, workshops };
}

/**
 * The keys storage layout 2 holds for a workspace document (`{schema_version, projects}`),
 * written as the app writes them: to seed a profile without going through the migration.
 */
export function layoutEntries(workspace) {
  const version = workspace.schema_version;
  const entries = {
    [INDEX_KEY]: JSON.stringify({ layout: 2, projects: workspace.projects.map((p) => p.id), schema_version: version }),
  };
  for (const { snapshots = [], ...project } of workspace.projects) {
    entries[`data-roadmap:project:${project.id}`] = JSON.stringify({ revision: 1, schema_version: version, project });
    if (snapshots.length > 0) {
      entries[`data-roadmap:versions:${project.id}`] = JSON.stringify({ schema_version: version, snapshots });
    }
  }
  return entries;
}

/** Writes `entries` (key → text) into the page's localStorage. */
export async function seedStorage(page, entries) {
  await page.evaluate((entries) => {
    for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text);
  }, entries);
}

export async function storedWorkspace(page) {
  return workspaceFrom(await storageSnapshot(page));
}

/**
 * Waits until the stored workspace, as JSON text, satisfies `predicate` (autosave is
 * debounced). The predicate runs here, in Node: the page's policy allows no `eval`.
 */
export async function waitForStored(page, predicate, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const workspace = await storedWorkspace(page);
    if (workspace !== null && predicate(JSON.stringify(workspace))) return;
    if (Date.now() > deadline) throw new Error(`stored workspace never matched ${predicate}`);
    await page.waitForTimeout(50);
  }
}

/** Creates a project from the home screen and waits for its page. */
export async function createProject(page, name) {
  await page.getByLabel(/^(Project name|Nom du projet)$/).fill(name);
  await page.getByRole("button", { name: /^(Create project|Créer le projet)$/ }).click();
  await page.getByRole("heading", { level: 1 }).filter({ hasText: name }).waitFor();
}

/**
 * Ends a test: no page threw (a Rust panic shows up here), no Content-Security-Policy was
 * violated, no request left 127.0.0.1.
 */
export async function finish(context) {
  const errors = context.pages().flatMap((page) => page.errors ?? []);
  await context.close();
  assert.deepEqual(errors, [], "uncaught errors in the page");
  assert.deepEqual(context.outsideRequests, [], "requests to other hosts");
}

/** Starts the server and the browser before a test file's tests, and stops them after. */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await closeServers();
  });
  return env;
}
