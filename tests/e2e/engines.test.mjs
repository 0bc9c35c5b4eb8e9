// The app in Safari's engine (WebKitGTK) and in Firefox ESR, driven through WebDriver
// (tests/e2e/webdriver.mjs); the rest of the suite runs in Chromium. What differs there: no
// `requestIdleCallback` in WebKit (the app's `when_idle` fallback), how each matches early
// downloads (WebKit once fetched the main wasm twice, Trunk's preload unmatched), the split's
// lazy modules, the service worker.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { closeServers, startServer } from "./harness.mjs";
import { firefox, webkit } from "./webdriver.mjs";

const children = [];
after(async () => {
  for (const child of children) child.kill();
  await closeServers();
});

const ENGINES = [
  { name: "WebKit (Safari's engine)", open: webkit, lang: "fr", other: "en", idle: false },
  { name: "Firefox ESR", open: firefox, lang: "en", other: "fr", idle: true },
];
const PROJECTS = { fr: "Projets", en: "Projects" };
const title = "return document.querySelector('main h1')?.textContent === 'Vélos partagés'";

for (const { name, open, lang, other, idle } of ENGINES) {
  test(`in ${name}, a first visit fetches each module once; a project is made, switched to the other language, kept over a reload and opened again offline`, async () => {
    const server = await startServer();
    const browser = await open(children);
    try {
      await browser.go(server.url);
      await browser.until("return document.querySelector('#new-project-name') != null");
      assert.equal(await browser.run("return document.documentElement.lang"), lang);
      assert.equal(await browser.run("return typeof requestIdleCallback === 'function'"), idle);
      const fetched = await browser.run(
        "return performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)",
      );
      assert.equal(fetched.filter((path) => path.endsWith("_bg.wasm")).length, 1, "the main wasm, once");
      assert.deepEqual(fetched.filter((path) => path.startsWith("/split_strings_")), [`/split_strings_${lang}.wasm`]);

      await browser.type("#new-project-name", "Vélos partagés");
      await browser.click("form:has(#new-project-name) button[type=submit]");
      // The overview comes from the project pages' module, downloaded on first use.
      await browser.until(title);
      assert.match(await browser.run("return location.pathname"), /^\/project\/[0-9a-f-]+$/);

      await browser.click(`#language option[value=${other}]`);
      await browser.until(`return document.documentElement.lang === '${other}'`);
      await browser.until(`return document.querySelector('header nav').textContent.includes('${PROJECTS[other]}')`);

      await browser.until("return navigator.serviceWorker.controller != null");
      await browser.reload();
      await browser.until(title);
      assert.equal(await browser.run("return document.documentElement.lang"), other);

      // Opened again rather than reloaded: geckodriver's reload bypasses the service worker.
      const address = await browser.run("return location.href");
      await server.close();
      await browser.go(address);
      await browser.until(title);
      assert.equal(await browser.run("return document.querySelectorAll('[role=alert]').length"), 0);
    } finally {
      await browser.close();
    }
  });
}
