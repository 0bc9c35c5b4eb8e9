// Shared set-up for the end-to-end tests: a static server for dist/ on loopback, Chromium
// through playwright-core, an axe-core check, and a guard that no request leaves 127.0.0.1.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

export const DIST = new URL("../../dist/", import.meta.url).pathname;
export const WORKSPACE_KEY = "data-roadmap:workspace";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

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
      server.close(resolve);
      server.closeAllConnections();
    });
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
export async function newContext(browser, { locale = "en-GB" } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads: true });
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
 * Waits until the stored workspace text satisfies `predicate` (autosave is debounced). The
 * predicate runs here, in Node: the page's policy allows no `eval`.
 */
export async function waitForStored(page, predicate, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await page.evaluate((key) => localStorage.getItem(key), WORKSPACE_KEY);
    if (text !== null && predicate(text)) return;
    if (Date.now() > deadline) throw new Error(`stored workspace never matched ${predicate}`);
    await page.waitForTimeout(50);
  }
}

export async function storedWorkspace(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)), WORKSPACE_KEY);
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
    await env.server?.close();
  });
  return env;
}
