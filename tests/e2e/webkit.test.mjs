// Safari's engine: WebKitGTK's MiniBrowser, driven through WebKitWebDriver (Playwright's own
// WebKit cannot be downloaded here) on a virtual display. The rest of the suite runs in
// Chromium; this checks what differs in WebKit: no `requestIdleCallback` (the app's
// `when_idle` fallback), how it matches early downloads (it once fetched the main wasm twice,
// Trunk's preload unmatched), the split's lazy modules, the service worker.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { closeServers, startServer } from "./harness.mjs";

const processes = [];
after(async () => {
  for (const child of processes) child.kill();
  await closeServers();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A virtual display (Xvfb picks a free number and writes it on fd 3). */
async function display() {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  processes.push(xvfb);
  const number = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once("data", (data) => resolve(String(data).trim()));
    xvfb.once("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  return `:${number}`;
}

/** A WebKit session: the few WebDriver commands the test needs. */
async function webkit() {
  const port = await freePort();
  const driver = spawn("WebKitWebDriver", [`--port=${port}`], {
    stdio: "ignore",
    // The C locale, whatever the machine's: WebKit reports the language "c", which the app
    // does not have, so it starts in French, its default (a locale not installed gives "en-US").
    env: { ...process.env, DISPLAY: await display(), LANG: "C.UTF-8", LANGUAGE: "", LC_ALL: "" },
  });
  processes.push(driver);
  const base = `http://127.0.0.1:${port}`;
  async function call(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`${path}: ${value.error}: ${value.message}`);
    return value;
  }
  for (let tries = 0; ; tries++) {
    const ready = await call("GET", "/status").then((status) => status.ready, () => false);
    if (ready) break;
    if (tries > 100) throw new Error("WebKitWebDriver did not start");
    await sleep(100);
  }
  const { sessionId } = await call("POST", "/session", { capabilities: { alwaysMatch: {} } });
  const at = (path) => `/session/${sessionId}${path}`;
  const element = async (css) => Object.values(await call("POST", at("/element"), { using: "css selector", value: css }))[0];
  const session = {
    go: (url) => call("POST", at("/url"), { url }),
    reload: () => call("POST", at("/refresh"), {}),
    run: (script, args = []) => call("POST", at("/execute/sync"), { script, args }),
    type: async (css, text) => call("POST", at(`/element/${await element(css)}/value`), { text }),
    click: async (css) => call("POST", at(`/element/${await element(css)}/click`), {}),
    /** Polls `script` until it returns something truthy (10 s at most). */
    async until(script, args = []) {
      for (const start = Date.now(); Date.now() - start < 10_000; await sleep(50)) {
        const value = await session.run(script, args).catch(() => undefined);
        if (value) return value;
      }
      throw new Error(`still false after 10 s: ${script}`);
    },
    close: () => call("DELETE", at("")).catch(() => {}),
  };
  return session;
}

test("in WebKit (Safari's engine), a first visit fetches each module once; a project is made, shown in English, kept over a reload and opened offline", async () => {
  const server = await startServer();
  const browser = await webkit();
  try {
    await browser.go(server.url);
    await browser.until("return document.querySelector('#new-project-name') != null");
    assert.equal(await browser.run("return document.documentElement.lang"), "fr");
    assert.equal(await browser.run("return typeof requestIdleCallback"), "undefined", "the fallback is tested");
    const fetched = await browser.run(
      "return performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)",
    );
    assert.equal(fetched.filter((path) => path.endsWith("_bg.wasm")).length, 1, "the main wasm, once");
    assert.deepEqual(fetched.filter((path) => path.startsWith("/split_strings_")), ["/split_strings_fr.wasm"]);

    await browser.type("#new-project-name", "Vélos partagés");
    await browser.click("form:has(#new-project-name) button[type=submit]");
    // The overview comes from the project pages' module, downloaded on first use.
    await browser.until("return document.querySelector('main h1')?.textContent === 'Vélos partagés'");
    assert.match(await browser.run("return location.pathname"), /^\/project\/[0-9a-f-]+$/);

    await browser.click("#language option[value=en]");
    await browser.until("return document.documentElement.lang === 'en'");
    await browser.until("return document.querySelector('header nav').textContent.includes('Projects')");

    await browser.until("return navigator.serviceWorker.controller != null");
    await browser.reload();
    await browser.until("return document.querySelector('main h1')?.textContent === 'Vélos partagés'");
    assert.equal(await browser.run("return document.documentElement.lang"), "en");

    await server.close();
    await browser.reload();
    await browser.until("return document.querySelector('main h1')?.textContent === 'Vélos partagés'");
    assert.equal(await browser.run("return document.querySelectorAll('[role=alert]').length"), 0);
  } finally {
    await browser.close();
  }
});
