// Trunk post-build hook, one program because Trunk starts a stage's hooks at the same time
// and each step depends on the one before:
// 0. the wasm split at its lazy pages (scripts/split-wasm.mjs), development builds too;
//    release builds: the stylesheet minified, its `integrity` in index.html recomputed;
// 1. the Content-Security-Policy: a <meta> at the top of index.html, with the hash of every
//    inline script of this very build (the early compile and Trunk's loader);
// 2. sw.js: the service worker with the list of files to precache, taken from the build
//    (Trunk hashes file names, so no list is kept by hand), and a version that changes
//    whenever any file does — index.html with its policy included.
// 3. each text or wasm file compressed beside itself, `.gz` (gzip -9) and `.br` (brotli 11),
//    for a host that serves pre-compressed files (deploy/nginx.conf: gzip_static, and
//    brotli_static where the module is installed): smaller than compressing on the fly.
// A development build gets only step 0: it registers no service worker and runs Trunk's own
// live-reload script.
import { createHash } from "node:crypto";
import { minify as minifyCss } from "csso";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { splitWasm, sri } from "./split-wasm.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
const release = process.env.TRUNK_PROFILE === "release";
await splitWasm(staging, release);
if (!release) process.exit(0);
await minifyStylesheets(join(staging, "index.html"));

/**
 * Every stylesheet index.html links, without comments and blanks (0.8 KB of the first load,
 * gzip). No restructuring: rules keep their order and selectors, so the cascade is the one
 * written in style/.
 */
async function minifyStylesheets(indexPath) {
  let index = await readFile(indexPath, "utf8");
  const links = [...index.matchAll(/<link rel="stylesheet" href="\/([^"]+\.css)" integrity="([^"]+)"/g)];
  if (links.length === 0) throw new Error("index.html links no stylesheet with an integrity hash: has Trunk changed?");
  for (const [link, name, integrity] of links) {
    const path = join(staging, name);
    const css = minifyCss(await readFile(path, "utf8"), { restructure: false }).css;
    await writeFile(path, css);
    index = index.replace(link, link.replace(integrity, sri(css)));
  }
  await writeFile(indexPath, index);
}

/** The policy, given the hashes of the inline scripts it allows. */
function policy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    // The open-data catalogues a holder may search (src/model/catalogue/), and nothing else.
    "connect-src 'self' https://www.data.gouv.fr https://data.europa.eu",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const indexPath = join(staging, "index.html");
let index = await readFile(indexPath, "utf8");
const hashes = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => createHash("sha256").update(body, "utf8").digest("base64"),
);
if (hashes.length === 0) throw new Error("index.html has no inline script: has Trunk's loader changed?");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}" />`;
index = index.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${meta}`);
if (!index.includes(meta)) throw new Error("no <meta charset> to put the policy after");
await writeFile(indexPath, index);
console.log(`index.html: Content-Security-Policy with ${hashes.length} script hash(es)`);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

const hash = createHash("sha256");
const precache = [];
for (const path of await files(staging)) {
  const url = "/" + relative(staging, path).split("\\").join("/");
  if (url === "/sw.js") continue;
  hash.update(url).update(await readFile(path));
  precache.push(url);
}
const version = hash.digest("hex").slice(0, 16);
const worker = await readFile(new URL("../web/sw.js", import.meta.url), "utf8");
const head = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n`;
await writeFile(join(staging, "sw.js"), head + worker);
console.log(`sw.js: version ${version}, ${precache.length} files precached`);

const COMPRESSIBLE = /\.(html|js|wasm|css|json|webmanifest|svg)$/;
let plain = 0;
let brotli = 0;
for (const path of await files(staging)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const body = await readFile(path);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
  await writeFile(`${path}.br`, br);
  plain += body.length;
  brotli += br.length;
}
console.log(`pre-compressed: ${plain} bytes → ${brotli} brotli (and gzip -9)`);
