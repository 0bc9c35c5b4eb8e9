// The browsers Playwright cannot drive here, through their WebDriver servers: Safari's engine
// (WebKitGTK's MiniBrowser, WebKitWebDriver, on a virtual display; the WebKit Playwright
// downloads is out of reach) and Firefox ESR (geckodriver, headless). Only the few commands
// the tests need.
import { spawn } from "node:child_process";
import { freePort } from "./harness.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A virtual display for WebKitGTK (Xvfb picks a free number and writes it on fd 3). */
async function display(children) {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  children.push(xvfb);
  const number = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once("data", (data) => resolve(String(data).trim()));
    xvfb.once("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  return `:${number}`;
}

/** Starts a WebDriver server, opens a session with `capabilities`; the session's commands. */
async function open(command, env, capabilities, children) {
  const port = await freePort();
  const driver = spawn(command, [`--port=${port}`], { stdio: "ignore", env: { ...process.env, ...env } });
  children.push(driver);
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
  for (let tries = 0; !(await call("GET", "/status").then((status) => status.ready, () => false)); tries++) {
    if (tries > 100) throw new Error(`${command} did not start`);
    await sleep(100);
  }
  const { sessionId } = await call("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
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
    async close() {
      await call("DELETE", at("")).catch(() => {});
      driver.kill();
    },
  };
  return session;
}

/**
 * WebKit in the C locale, whatever the machine's: it reports the language "c", which the app
 * does not have, so it starts in French, its default (a locale not installed gives "en-US").
 */
export async function webkit(children) {
  const env = { DISPLAY: await display(children), LANG: "C.UTF-8", LANGUAGE: "", LC_ALL: "" };
  return open("WebKitWebDriver", env, {}, children);
}

/** Firefox ESR, headless, in a fresh profile (geckodriver's own) whose browser asks for English. */
export async function firefox(children) {
  const capabilities = {
    "moz:firefoxOptions": {
      binary: "/usr/bin/firefox-esr",
      args: ["-headless"],
      prefs: { "intl.accept_languages": "en-US, en" },
    },
  };
  return open("geckodriver", {}, capabilities, children);
}
