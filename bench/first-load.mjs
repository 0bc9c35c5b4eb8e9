// What a first visit costs to download: the gzip -9 size of each file of a build, and the
// first load the size guard of scripts/test checks (wasm + JS + CSS + index.html, and one
// language's strings, marked "l"; the manifest, icons and service worker come after the
// first screen).
// Usage: node bench/first-load.mjs <dist> [--total]   (prints bytes; --total: the sum only)
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** gzip -9 size of every file in a build, keyed by URL path. */
export async function gzipSizes(dist) {
  const sizes = new Map();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    // The pre-compressed copies (scripts/post-build.mjs) are other encodings of a file, not files.
    if (!entry.isFile() || /\.(gz|br)$/.test(entry.name)) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(path);
    // The brotli copy the build wrote beside it, if any (what an HTTPS host may serve).
    const brotli = await stat(`${path}.br`).then((s) => s.size, () => undefined);
    sizes.set("/" + path.slice(dist.replace(/\/$/, "").length + 1), {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli,
    });
  }
  return sizes;
}

/**
 * The files the app needs before its first screen: the page, its scripts (the wasm-bindgen
 * glue and the split loader), main wasm and style — not the pages loaded on first use
 * (`split_*.wasm`, `chunk_*.wasm`).
 */
export function isFirstLoad(path) {
  if (/^\/(split|chunk)_.*\.wasm$/.test(path)) return false;
  return path === "/index.html" || /\.(wasm|css)$/.test(path) || (path.endsWith(".js") && path !== "/sw.js");
}

/** A language's strings (`src/i18n/packs.rs`): a first visit fetches one, before its first screen. */
export function isLanguage(path) {
  return /^\/split_strings_\w+\.wasm$/.test(path);
}

/** The first load, counting the heaviest language's strings (whichever a visitor gets). */
export function firstLoadBytes(sizes, encoding = "gzip") {
  const size = (s) => s[encoding] ?? s.gzip;
  const files = [...sizes];
  const shared = files.filter(([path]) => isFirstLoad(path)).reduce((sum, [, s]) => sum + size(s), 0);
  const languages = files.filter(([path]) => isLanguage(path)).map(([, s]) => size(s));
  return shared + Math.max(0, ...languages);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, flag] = process.argv.slice(2);
  const sizes = await gzipSizes(dist);
  if (flag !== "--total") {
    for (const [path, s] of [...sizes].sort()) {
      const mark = isFirstLoad(path) ? "*" : isLanguage(path) ? "l" : " ";
      console.log(`${mark} ${path} ${s.raw} raw, ${s.gzip} gzip`);
    }
  }
  console.log(firstLoadBytes(sizes));
}
