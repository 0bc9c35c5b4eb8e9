// Trunk post-build hook: writes sw.js into the build with the list of files to precache,
// taken from the build itself (Trunk hashes file names, so no list is kept by hand), and a
// version that changes whenever any of those files does. Release builds only: a development
// build registers no service worker and gets none.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const hash = createHash("sha256");
const precache = [];
for (const path of (await files(staging)).sort()) {
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
