// A first visit as a workshop room lives it: the build served gzip-compressed, as a static
// host serves it, over a slow link. Two measures:
// - one page, with Chromium's network emulation (1.6 Mbit/s down, 150 ms round trip);
// - a room: `n` fresh pages opening the link together through a server that shares one
//   throttled link between them (Chromium throttles each page on its own, so the sharing
//   happens here, in the serving process).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { TYPES } from "../tests/e2e/harness.mjs";

/** A busy venue Wi-Fi, as the issue describes it. */
export const VENUE = { downBitsPerSecond: 1.6e6, roundTripMs: 150 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * One link shared by every response: chunks take turns, each occupying the link for its
 * size at `downBitsPerSecond`, and every response starts one round trip after its request.
 */
function sharedLink({ downBitsPerSecond, roundTripMs }) {
  const bytesPerMs = downBitsPerSecond / 8 / 1000;
  let freeAt = 0;
  return async (res, body) => {
    await sleep(roundTripMs);
    const CHUNK = 8 * 1024;
    for (let offset = 0; offset < body.length; offset += CHUNK) {
      const chunk = body.subarray(offset, offset + CHUNK);
      const now = performance.now();
      freeAt = Math.max(now, freeAt) + chunk.length / bytesPerMs;
      await sleep(freeAt - now);
      res.write(chunk);
    }
    res.end();
  };
}

/**
 * Serves `root` on 127.0.0.1 gzip-compressed (level 9, as a host's pre-compressed files would
 * be) to clients that accept it, or with `brotli`, the build's own `.br` copies where there
 * are; with `link`, every response goes through one shared link.
 */
export async function startCompressedServer(root, { link, brotli = false } = {}) {
  const cache = new Map();
  const send = link ? sharedLink(link) : async (res, body) => res.end(body);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    } catch {
      if (extname(path)) return res.writeHead(404).end();
      file = join(root, "index.html");
    }
    let entry = cache.get(file);
    if (!entry) {
      try {
        const raw = await readFile(file);
        const br = brotli ? await readFile(`${file}.br`).catch(() => undefined) : undefined;
        entry = { raw, gzip: gzipSync(raw, { level: 9 }), br };
        cache.set(file, entry);
      } catch {
        return res.writeHead(404).end();
      }
    }
    const accepts = req.headers["accept-encoding"] ?? "";
    const encoding = entry.br && /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : undefined;
    const body = encoding ? entry[encoding] : entry.raw;
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding, vary: "Accept-Encoding" } : {}),
    });
    await send(res, body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/**
 * Loads `url` in a fresh profile with Chromium's emulation of `link`; ms to `ready`, and with
 * `thenMark` also when the page set that performance mark ({ first, next }).
 */
export async function throttledLoad(browser, url, ready, link = VENUE, thenMark = null) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: link.roundTripMs,
      downloadThroughput: link.downBitsPerSecond / 8,
      uploadThroughput: link.downBitsPerSecond / 8,
    });
    await page.goto(url, { timeout: 120_000 });
    const first = await page.waitForFunction(ready, null, { polling: "raf", timeout: 120_000 }).then((h) => h.jsonValue());
    if (!thenMark) return first;
    const next = await page
      .waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, thenMark, { polling: "raf", timeout: 120_000 })
      .then((h) => h.jsonValue());
    return { first, next };
  } finally {
    await context.close();
  }
}

/**
 * `pages` fresh profiles open `url` together (its server shares one throttled link); the
 * ms each took to `ready`, measured from the moment they all started.
 */
export async function roomLoad(browser, url, ready, pages = 20) {
  const contexts = await Promise.all(Array.from({ length: pages }, () => browser.newContext({ serviceWorkers: "block" })));
  try {
    const tabs = await Promise.all(contexts.map((c) => c.newPage()));
    const start = Date.now();
    return await Promise.all(
      tabs.map(async (page) => {
        await page.goto(url, { timeout: 300_000 });
        await page.waitForFunction(ready, null, { polling: 100, timeout: 300_000 });
        return Date.now() - start;
      }),
    );
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}
