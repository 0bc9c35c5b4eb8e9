// Measures the release app against the hello-world baseline and prints a Markdown table.
// Usage: node bench/bench.mjs <app dist> <hello dist> [runs]   (scripts/bench calls it)
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { randomUUID } from "node:crypto";
import { launch, startServer } from "../tests/e2e/harness.mjs";

const [appDist, helloDist, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 5);
const TARGETS = { firstLoadKb: 200, coldRatio: 2, renderMs: 300, keystrokeP95: 16, saveMs: 5 };

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (x) => x.toFixed(1);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

/** gzip -9 size of every file in a build, keyed by URL path. */
async function gzipSizes(dist) {
  const sizes = new Map();
  for (const path of await files(dist)) {
    const body = await readFile(path);
    sizes.set("/" + relative(dist, path), { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizes;
}

/**
 * Loads `url` in a fresh profile until `ready` holds in the page; returns the time since
 * navigation start, the URL paths fetched, and the context (for a warm reload).
 */
async function coldLoad(browser, url, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (r) => fetched.add(new URL(r.url()).pathname));
  await page.goto(url);
  const time = await page.waitForFunction(ready, null, { polling: "raf" }).then((h) => h.jsonValue());
  return { time, fetched, context, page };
}

async function loads(browser, url, ready, { serviceWorker }) {
  const cold = [];
  const warm = [];
  let fetched;
  for (let i = 0; i < RUNS; i++) {
    const run = await coldLoad(browser, url, ready);
    cold.push(run.time);
    fetched = run.fetched;
    if (serviceWorker) {
      await run.page.waitForFunction(() => navigator.serviceWorker.controller != null);
      await run.context.setOffline(true);
    }
    await run.page.reload();
    warm.push(await run.page.waitForFunction(ready, null, { polling: "raf" }).then((h) => h.jsonValue()));
    await run.context.close();
  }
  return { cold: median(cold), warm: median(warm), fetched };
}

/** A project of 500 wanted datasets × 4 sources × 2 actions, built from the v4 fixture. */
async function largeWorkspace() {
  const fixture = JSON.parse(await readFile(new URL("../tests/fixtures/workspace-v4.json", import.meta.url)));
  const project = structuredClone(fixture.projects[0]);
  const model = project.wanted[0];
  project.id = randomUUID();
  project.name = "Benchmark: 500 datasets";
  project.snapshots = [];
  project.wanted = Array.from({ length: 500 }, (_, i) => ({
    ...structuredClone(model),
    id: randomUUID(),
    name: `Dataset ${i + 1}`,
    sources: [0, 1, 2, 3].map((j) => ({ ...structuredClone(model.sources[j % 2]), id: randomUUID(), title: `Source ${i + 1}.${j + 1}` })),
    actions: [0, 1].map((j) => ({ ...structuredClone(model.actions[j]), id: randomUUID() })),
  }));
  return { text: JSON.stringify({ schema_version: 4, projects: [project] }), id: project.id };
}

async function largeProject(browser, url) {
  const { text, id } = await largeWorkspace();
  const opened = [];
  const listed = [];
  const keystrokes = [];
  const saves = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate((t) => localStorage.setItem("data-roadmap:workspace", t), text);
    await page.goto(url);
    await page.locator(`a[href="/project/${id}"]`).first().waitFor();
    // In-app navigation, as a user clicks: the time until the page is there and painted.
    const navigate = (href, done) =>
      page.evaluate(
        ([href, done]) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            document.querySelector(`a[href="${href}"]`).click();
            const check = () => {
              if (new Function(`return ${done}`)()) {
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              } else requestAnimationFrame(check);
            };
            check();
          }),
        [href, done.toString()],
      );
    opened.push(await navigate(`/project/${id}`, "document.querySelector('#project-name') !== null"));
    listed.push(await navigate(`/project/${id}/wanted`, "document.querySelectorAll('.wanted-row').length === 500"));
    // Typing into the first dataset's name: script, reactive updates and layout per keystroke.
    const times = await page.evaluate(async () => {
      const input = document.querySelector(".wanted-row input[type=text]");
      const channel = new MessageChannel();
      const nextTask = () => new Promise((r) => { channel.port1.onmessage = r; channel.port2.postMessage(0); });
      const out = [];
      for (let k = 0; k < 60; k++) {
        const t0 = performance.now();
        input.value += "x";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await nextTask();
        document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
      }
      return out;
    });
    keystrokes.push(...times.slice(5));
    await page.waitForFunction(() => performance.getEntriesByName("data-roadmap:save").length > 0);
    saves.push(await page.evaluate(() => performance.getEntriesByName("data-roadmap:save").at(-1).duration));
    await context.close();
  }
  return {
    bytes: text.length,
    opened: median(opened),
    listed: median(listed),
    p50: quantile(keystrokes, 0.5),
    p95: quantile(keystrokes, 0.95),
    save: median(saves),
  };
}

const browser = await launch();
const app = await startServer(appDist + "/");
const hello = await startServer(helloDist + "/");
try {
  const appSizes = await gzipSizes(appDist);
  const helloSizes = await gzipSizes(helloDist);
  const appReady = () => document.querySelector("#new-project-name") && performance.now();
  const helloReady = () => document.querySelector("h1") && performance.now();
  const appLoad = await loads(browser, app.url, appReady, { serviceWorker: true });
  const helloLoad = await loads(browser, hello.url, helloReady, { serviceWorker: false });
  const large = await largeProject(browser, app.url);

  const firstLoad = (sizes, fetched) =>
    [...fetched].reduce((sum, path) => sum + (sizes.get(path === "/" ? "/index.html" : path)?.gzip ?? 0), 0);
  const appFirst = firstLoad(appSizes, appLoad.fetched);
  const helloFirst = firstLoad(helloSizes, helloLoad.fetched);
  const mark = (ok) => (ok ? "yes" : "**no**");

  const out = [];
  out.push(`Runs: ${RUNS} (medians). Chromium headless, 127.0.0.1, ${new Date().toISOString().slice(0, 10)}.`, "");
  out.push("| asset | raw KB | gzip KB |", "| --- | ---: | ---: |");
  for (const [path, s] of [...appSizes].sort()) out.push(`| app ${path} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
  for (const [path, s] of [...helloSizes].sort()) out.push(`| hello ${path} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
  out.push("");
  out.push("| measure | app | hello-world | ratio | target | met |", "| --- | ---: | ---: | ---: | --- | --- |");
  out.push(`| first load, gzip KB (what the first visit fetches) | ${kb(appFirst)} | ${kb(helloFirst)} | ${(appFirst / helloFirst).toFixed(2)} | ≤ ${TARGETS.firstLoadKb} KB | ${mark(appFirst / 1024 <= TARGETS.firstLoadKb)} |`);
  out.push(`| cold load to first usable screen, ms | ${ms(appLoad.cold)} | ${ms(helloLoad.cold)} | ${(appLoad.cold / helloLoad.cold).toFixed(2)} | ≤ ${TARGETS.coldRatio}× hello | ${mark(appLoad.cold / helloLoad.cold <= TARGETS.coldRatio)} |`);
  out.push(`| warm load, ms (app: service worker, network off; hello: HTTP cache) | ${ms(appLoad.warm)} | ${ms(helloLoad.warm)} | ${(appLoad.warm / helloLoad.warm).toFixed(2)} | | |`);
  out.push(`| open the 500×4×2 project (overview), ms | ${ms(large.opened)} | | | ≤ ${TARGETS.renderMs} ms | ${mark(large.opened <= TARGETS.renderMs)} |`);
  out.push(`| open its Wanted Data List (500 rows), ms | ${ms(large.listed)} | | | ≤ ${TARGETS.renderMs} ms | ${mark(large.listed <= TARGETS.renderMs)} |`);
  out.push(`| keystroke in that list, p50 / p95 ms | ${ms(large.p50)} / ${ms(large.p95)} | | | p95 ≤ ${TARGETS.keystrokeP95} ms | ${mark(large.p95 <= TARGETS.keystrokeP95)} |`);
  out.push(`| one save of that workspace (${kb(large.bytes)} KB of JSON), ms | ${ms(large.save)} | | | ≤ ${TARGETS.saveMs} ms | ${mark(large.save <= TARGETS.saveMs)} |`);
  console.log(out.join("\n"));
} finally {
  await app.close();
  await hello.close();
  await browser.close();
}
