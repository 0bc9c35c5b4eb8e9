// Measures the release app against the hello-world baseline and prints a Markdown table.
// Usage: node bench/bench.mjs <app dist> <hello dist> [runs]   (scripts/bench calls it)
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { launch, startServer, layoutEntries, seedStorage } from "../tests/e2e/harness.mjs";
import { firstLoadBytes, gzipSizes, isLanguage } from "./first-load.mjs";
import { VENUE, roomLoad, startCompressedServer, throttledLoad } from "./network.mjs";

const [appDist, helloDist, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 5);
/** Rows of the Wanted Data List a tall laptop screen shows at once, at most. */
const SCREENFUL = 8;
/** Pause between a first visit and the warm reload. */
const SETTLE_MS = 1500;
const TARGETS = { firstLoadKb: 245, coldRatio: 2, warmRatio: 1.3, throttledMs: 2000, renderMs: 300, keystrokeP95: 16, saveMs: 5, smallSaveMs: 2 };

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (x) => x.toFixed(1);

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
  return { time, fetched: new Set(fetched), context, page };
}

/** The performance mark the app sets once phase 1's module is ready (src/pages/later.rs). */
const PHASE_ONE_MARK = "data-roadmap:phase-one-ready";
/** The lazy modules (`split_*`, `chunk_*`): what the app fetches after its first screen. */
const isLazyModule = (path) => /^\/(split|chunk)_/.test(path);

/**
 * The lazy modules the page had started fetching when it set the performance mark `name`
 * (not the language's strings: those come before the first screen).
 */
async function lazyFetchedUntil(page, name) {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name);
  const paths = await page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark)[0].startTime;
    return performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime <= at)
      .map((entry) => new URL(entry.name).pathname);
  }, name);
  return paths.filter((path) => isLazyModule(path) && !isLanguage(path));
}

/**
 * Between a first visit and the warm reload: the service worker in control (then the network
 * off, so that the worker serves the reload), and a pause. A participant comes back later,
 * when the first visit's work (phase 1's prefetch) is over; a reload at once timed that
 * unfinished work too.
 */
async function beforeComingBack(page, context, serviceWorker) {
  if (serviceWorker) await page.waitForFunction(() => navigator.serviceWorker.controller != null);
  await page.waitForTimeout(SETTLE_MS);
  if (serviceWorker) await context.setOffline(true);
}

async function loads(browser, url, ready, { serviceWorker, thenMark }) {
  const cold = [];
  const warm = [];
  let fetched;
  let then = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await coldLoad(browser, url, ready);
    cold.push(run.time);
    fetched = run.fetched;
    if (thenMark) then = await lazyFetchedUntil(run.page, thenMark);
    await beforeComingBack(run.page, run.context, serviceWorker);
    await run.page.reload();
    warm.push(await run.page.waitForFunction(ready, null, { polling: "raf" }).then((h) => h.jsonValue()));
    await run.context.close();
  }
  return { cold: median(cold), warm: median(warm), fetched, then };
}

/**
 * Set in every page of a context: records when an element `selector` picks first appears
 * (`shown`) and when the first frame with it has been laid out and painted (`painted`: a task
 * queued from that frame's animation callback runs once the frame is done), then reports
 * both on the console. The page times itself, so the bench polls nothing while it loads:
 * Playwright's polling needs its own script in the page, 15–50 ms of compiling on the
 * main thread that lands before or after the app's start at random.
 */
function timeFirstScreen(selector) {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    const shown = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => console.debug("bench-first-screen", shown, performance.now())),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * The next `[shown, painted]` report of `timeFirstScreen` in `page`; fails after 30 s, should
 * the first screen never come.
 */
async function firstScreenReport(page) {
  const tagged = (message) => message.text().startsWith("bench-first-screen ");
  const message = await page.waitForEvent("console", { predicate: tagged, timeout: 30_000 });
  return message.text().split(" ").slice(1).map(Number);
}

/**
 * Cold and warm loads of each build, one after the other in every round (a noisy machine
 * drifts between rounds), timed by the pages themselves; medians of `[shown, painted]`.
 */
async function pageTimedLoads(browser, builds) {
  const times = builds.map(() => ({ cold: [], warm: [] }));
  for (let i = 0; i < RUNS; i++) {
    for (const [b, { url, selector, serviceWorker }] of builds.entries()) {
      const context = await browser.newContext();
      await context.addInitScript(timeFirstScreen, selector);
      const page = await context.newPage();
      let report = firstScreenReport(page);
      await page.goto(url, { waitUntil: "commit" });
      times[b].cold.push(await report);
      await beforeComingBack(page, context, serviceWorker);
      report = firstScreenReport(page);
      await page.reload({ waitUntil: "commit" });
      times[b].warm.push(await report);
      await context.close();
    }
  }
  const medians = (runs) => [0, 1].map((k) => median(runs.map((run) => run[k])));
  return times.map(({ cold, warm }) => ({ cold: medians(cold), warm: medians(warm) }));
}

/**
 * A generated project of `datasets` wanted datasets × `sources` sources × `actions` actions,
 * built from the v4 fixture's first dataset.
 */
async function generatedWorkspace(name, datasets, sources, actions) {
  const fixture = JSON.parse(await readFile(new URL("../tests/fixtures/workspace-v7.json", import.meta.url)));
  const project = structuredClone(fixture.projects[0]);
  const model = project.wanted[0];
  project.id = randomUUID();
  project.name = name;
  project.snapshots = [];
  project.wanted = Array.from({ length: datasets }, (_, i) => ({
    ...structuredClone(model),
    id: randomUUID(),
    name: `Dataset ${i + 1}`,
    sources: Array.from({ length: sources }, (_, j) => ({ ...structuredClone(model.sources[j % 2]), id: randomUUID(), title: `Source ${i + 1}.${j + 1}` })),
    actions: Array.from({ length: actions }, (_, j) => ({ ...structuredClone(model.actions[j % 2]), id: randomUUID() })),
  }));
  return { text: JSON.stringify({ schema_version: 7, projects: [project] }), project };
}

/**
 * A fresh profile with the workspace `text` stored (in the storage layout), on the home
 * screen: a participant coming back, whose first visit installed the service worker (its
 * install, which downloads every file, would otherwise run during the measures).
 */
async function seeded(browser, url, text) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller != null);
  await seedStorage(page, layoutEntries(JSON.parse(text)));
  await page.goto(url);
  return { context, page };
}

/**
 * Types 60 characters into the field `selector` picks; returns the time of each keystroke
 * after the first five: script, reactive updates and layout, until the next task.
 */
function typeIn(page, selector) {
  return page.evaluate(async (selector) => {
    const input = document.querySelector(selector);
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
    return out.slice(5);
  }, selector);
}

/**
 * The saves after typing in `selector`: the page's first save, which also pays for compiling
 * the code it runs for the first time (browsers compile WebAssembly functions lazily), then
 * the median of three more, each after another burst of typing: the cost of a save as it
 * recurs while a user works.
 */
async function saves(page, selector) {
  const saved = (n) => page.waitForFunction((n) => performance.getEntriesByName("data-roadmap:save").length >= n, n);
  await saved(1);
  for (let n = 2; n <= 4; n++) {
    await page.evaluate((selector) => {
      const input = document.querySelector(selector);
      input.value += "y";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, selector);
    await saved(n);
  }
  const times = await page.evaluate(() => performance.getEntriesByName("data-roadmap:save").map((e) => e.duration));
  return { first: times[0], next: median(times.slice(1)) };
}

/** In-app navigation, as a user clicks: the time until the page is there and painted. */
async function navigate(page, href, done) {
  return (await navigateStages(page, href, done.selector, [done.count]))[0];
}

/**
 * In-app navigation to a list built in stages: the time until at least each of `counts`
 * elements match `selector` and are painted (counts in increasing order).
 */
function navigateStages(page, href, selector, counts) {
  return page.evaluate(
    ([href, selector, counts]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const times = [];
        let reached = 0;
        let painted = 0;
        document.querySelector(`a[href="${href}"]`).click();
        const check = () => {
          const found = document.querySelectorAll(selector).length;
          while (reached < counts.length && found >= counts[reached]) {
            const stage = reached++;
            requestAnimationFrame(() =>
              setTimeout(() => {
                times[stage] = performance.now() - t0;
                if (++painted === counts.length) resolve(times);
              }, 0),
            );
          }
          if (reached < counts.length) requestAnimationFrame(check);
        };
        check();
      }),
    [href, selector, counts],
  );
}

async function largeProject(browser, url) {
  const { text, project } = await generatedWorkspace("Benchmark: 500 datasets", 500, 4, 2);
  const id = project.id;
  const opened = [];
  const listed = [];
  const listedAll = [];
  const keystrokes = [];
  const firstSaves = [];
  const nextSaves = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await seeded(browser, url, text);
    await page.locator(`a[href="/project/${id}"]`).first().waitFor();
    opened.push(await navigate(page, `/project/${id}`, { selector: "#project-name", count: 1 }));
    // The list is usable once a screenful of rows is painted; the rest follow a batch per frame.
    const [screenful, all] = await navigateStages(page, `/project/${id}/wanted`, ".wanted-row", [SCREENFUL, 500]);
    listed.push(screenful);
    listedAll.push(all);
    keystrokes.push(...(await typeIn(page, ".wanted-row input[type=text]")));
    const { first, next } = await saves(page, ".wanted-row input[type=text]");
    firstSaves.push(first);
    nextSaves.push(next);
    await context.close();
  }
  return {
    bytes: text.length,
    opened: median(opened),
    listed: median(listed),
    listedAll: median(listedAll),
    p50: quantile(keystrokes, 0.5),
    p95: quantile(keystrokes, 0.95),
    firstSave: median(firstSaves),
    save: median(nextSaves),
  };
}

/**
 * One save after typing in a 30-dataset project stored beside the 500-dataset one: the cost
 * of a save follows the project edited, not the size of the workspace.
 */
async function saveBeside(browser, url) {
  const large = await generatedWorkspace("Benchmark: 500 datasets", 500, 4, 2);
  const small = await generatedWorkspace("Benchmark: 30 datasets", 30, 4, 2);
  const workspace = JSON.parse(large.text);
  workspace.projects.push(small.project);
  const firstSaves = [];
  const nextSaves = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await seeded(browser, url, JSON.stringify(workspace));
    await page.goto(`${url}/project/${small.project.id}/wanted`);
    await page.waitForFunction(() => document.querySelectorAll(".wanted-row").length === 30);
    await typeIn(page, ".wanted-row input[type=text]");
    const { first, next } = await saves(page, ".wanted-row input[type=text]");
    firstSaves.push(first);
    nextSaves.push(next);
    await context.close();
  }
  return { bytes: JSON.stringify(small.project).length, firstSave: median(firstSaves), save: median(nextSaves) };
}

/** Keystrokes in the first field `field` picks on one page of a generated project. */
async function keystrokesOn(browser, url, { name, shape, page: path, rows, field }) {
  const { text, project } = await generatedWorkspace(name, ...shape);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await seeded(browser, url, text);
    await page.goto(url + path(project));
    await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length === n, [rows.selector, rows.count]);
    times.push(...(await typeIn(page, field)));
    await context.close();
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const browser = await launch();
const app = await startServer(appDist + "/");
const hello = await startServer(helloDist + "/");
try {
  const appSizes = await gzipSizes(appDist);
  const helloSizes = await gzipSizes(helloDist);
  const appReady = () => document.querySelector("#new-project-name") && performance.now();
  const helloReady = () => document.querySelector("h1") && performance.now();
  const appLoad = await loads(browser, app.url, appReady, { serviceWorker: true, thenMark: PHASE_ONE_MARK });
  const helloLoad = await loads(browser, hello.url, helloReady, { serviceWorker: false });
  const [appTimed, helloTimed] = await pageTimedLoads(browser, [
    { url: app.url, selector: "#new-project-name", serviceWorker: true },
    { url: hello.url, selector: "h1", serviceWorker: false },
  ]);
  // The slow network: both builds served gzip-compressed, as a static host serves them.
  const appGzip = await startCompressedServer(appDist + "/");
  const helloGzip = await startCompressedServer(helloDist + "/");
  const throttled = { app: [], hello: [] };
  throttled.appPhaseOne = [];
  // An older build measured for comparison has no split, hence no phase-1 mark to wait for.
  const split = existsSync(`${appDist}/__wasm_split.js`);
  for (let i = 0; i < RUNS; i++) {
    if (split) {
      const { first, next } = await throttledLoad(browser, appGzip.url, appReady, VENUE, PHASE_ONE_MARK);
      throttled.app.push(first);
      throttled.appPhaseOne.push(next);
    } else {
      throttled.app.push(await throttledLoad(browser, appGzip.url, appReady, VENUE));
    }
    throttled.hello.push(await throttledLoad(browser, helloGzip.url, helloReady));
  }
  await appGzip.close();
  await helloGzip.close();
  const appBrotli = await startCompressedServer(appDist + "/", { brotli: true });
  throttled.appBrotli = [];
  for (let i = 0; i < RUNS; i++) throttled.appBrotli.push(await throttledLoad(browser, appBrotli.url, appReady));
  await appBrotli.close();
  const room = {};
  for (const [name, dist, ready] of [["app", appDist, appReady], ["hello", helloDist, helloReady]]) {
    const shared = await startCompressedServer(dist + "/", { link: VENUE });
    room[name] = await roomLoad(browser, shared.url, ready, 20);
    await shared.close();
  }
  const large = await largeProject(browser, app.url);
  const beside = await saveBeside(browser, app.url);
  const sourcesPage = await keystrokesOn(browser, app.url, {
    name: "Benchmark: 100 sources", shape: [1, 100, 0],
    page: (p) => `/project/${p.id}/wanted/${p.wanted[0].id}/sources`,
    rows: { selector: ".source-card", count: 100 }, field: "[id^=source-title-]",
  });
  const roadmapPage = await keystrokesOn(browser, app.url, {
    name: "Benchmark: 500 actions", shape: [100, 0, 5],
    page: (p) => `/project/${p.id}/roadmap`,
    rows: { selector: "li.action", count: 500 }, field: "[id^=action-description-]",
  });

  const guarded = firstLoadBytes(appSizes);
  const firstLoad = (sizes, fetched) =>
    [...fetched].reduce((sum, path) => sum + (sizes.get(path === "/" ? "/index.html" : path)?.gzip ?? 0), 0);
  // The modules fetched after the first screen (the overview and phase 1) are counted apart;
  // the language's strings come before it.
  const appFirst = firstLoad(appSizes, [...appLoad.fetched].filter((path) => !isLazyModule(path) || isLanguage(path)));
  const appThen = firstLoad(appSizes, appLoad.then);
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
  out.push(`| then fetched after the first screen (the overview and phase 1), gzip KB | ${kb(appThen)} | | | | |`);
  out.push(`| first load as the size guard counts it (wasm + JS + CSS + index.html + the heavier language), gzip KB | ${kb(guarded)} | ${kb(firstLoadBytes(helloSizes))} | ${(guarded / firstLoadBytes(helloSizes)).toFixed(2)} | bench/size-budget | |`);
  out.push(`| the same, brotli KB (the build's pre-compressed .br files, for an HTTPS host that serves them) | ${kb(firstLoadBytes(appSizes, "brotli"))} | | | | |`);
  out.push(`| cold load to first usable screen, ms | ${ms(appLoad.cold)} | ${ms(helloLoad.cold)} | ${(appLoad.cold / helloLoad.cold).toFixed(2)} | ≤ ${TARGETS.coldRatio}× hello | ${mark(appLoad.cold / helloLoad.cold <= TARGETS.coldRatio)} |`);
  out.push(`| warm load, ms (app: service worker, network off; hello: HTTP cache) | ${ms(appLoad.warm)} | ${ms(helloLoad.warm)} | ${(appLoad.warm / helloLoad.warm).toFixed(2)} | ≤ ${TARGETS.warmRatio}× hello | ${mark(appLoad.warm / helloLoad.warm <= TARGETS.warmRatio)} |`);
  for (const load of ["cold", "warm"]) {
    const [a, h] = [appTimed[load], helloTimed[load]];
    out.push(`| the same ${load} load timed by the page (no polling while it loads): first screen shown / its frame painted, ms | ${ms(a[0])} / ${ms(a[1])} | ${ms(h[0])} / ${ms(h[1])} | ${(a[0] / h[0]).toFixed(2)} / ${(a[1] / h[1]).toFixed(2)} | | |`);
  }
  const [appSlow, helloSlow] = [median(throttled.app), median(throttled.hello)];
  out.push(`| cold load on a busy venue Wi-Fi (1.6 Mbit/s, 150 ms round trip; served gzip), ms | ${ms(appSlow)} | ${ms(helloSlow)} | ${(appSlow / helloSlow).toFixed(2)} | ≤ ${TARGETS.throttledMs} ms | ${mark(appSlow <= TARGETS.throttledMs)} |`);
  out.push(`| the same, until the overview and phase 1 are there too (fetched after the first screen), ms | ${split ? ms(median(throttled.appPhaseOne)) : "—"} | | | | |`);
  out.push(`| the same, served brotli (the build's .br files), ms | ${ms(median(throttled.appBrotli))} | | | ≤ ${TARGETS.throttledMs} ms | ${mark(median(throttled.appBrotli) <= TARGETS.throttledMs)} |`);
  const worst = (xs) => Math.max(...xs);
  out.push(`| a room: 20 fresh pages at once sharing that link, median / worst ms (indicative: 20 pages on this machine's cores) | ${ms(median(room.app))} / ${ms(worst(room.app))} | ${ms(median(room.hello))} / ${ms(worst(room.hello))} | ${(median(room.app) / median(room.hello)).toFixed(2)} | | |`);
  out.push(`| open the 500×4×2 project (overview), ms | ${ms(large.opened)} | | | ≤ ${TARGETS.renderMs} ms | ${mark(large.opened <= TARGETS.renderMs)} |`);
  out.push(`| open its Wanted Data List (500 rows): a screenful (${SCREENFUL} rows) painted, ms | ${ms(large.listed)} | | | ≤ ${TARGETS.renderMs} ms | ${mark(large.listed <= TARGETS.renderMs)} |`);
  out.push(`| the same list, all 500 rows built and painted, ms | ${ms(large.listedAll)} | | | | |`);
  out.push(`| keystroke in that list, p50 / p95 ms | ${ms(large.p50)} / ${ms(large.p95)} | | | p95 ≤ ${TARGETS.keystrokeP95} ms | ${mark(large.p95 <= TARGETS.keystrokeP95)} |`);
  out.push(`| keystroke on one dataset's sources page (100 sources), p50 / p95 ms | ${ms(sourcesPage.p50)} / ${ms(sourcesPage.p95)} | | | p95 ≤ ${TARGETS.keystrokeP95} ms | ${mark(sourcesPage.p95 <= TARGETS.keystrokeP95)} |`);
  out.push(`| keystroke on the roadmap (100 datasets × 5 actions), p50 / p95 ms | ${ms(roadmapPage.p50)} / ${ms(roadmapPage.p95)} | | | p95 ≤ ${TARGETS.keystrokeP95} ms | ${mark(roadmapPage.p95 <= TARGETS.keystrokeP95)} |`);
  out.push(`| a save after typing in that project (${kb(large.bytes)} KB of JSON), ms (the page's first save) | ${ms(large.save)} (${ms(large.firstSave)}) | | | ≤ ${TARGETS.saveMs} ms | ${mark(large.save <= TARGETS.saveMs)} |`);
  out.push(`| a save after typing in a 30-dataset project beside it (${kb(beside.bytes)} KB of JSON), ms (the page's first save) | ${ms(beside.save)} (${ms(beside.firstSave)}) | | | ≤ ${TARGETS.smallSaveMs} ms | ${mark(beside.save <= TARGETS.smallSaveMs)} |`);
  console.log(out.join("\n"));
} finally {
  await app.close();
  await hello.close();
  await browser.close();
}
