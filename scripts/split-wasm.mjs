// Splits the app's wasm at its #[lazy] pages (src/pages/later.rs), run from the post-build
// hook on Trunk's staging directory. Trunk 0.21 has no step between cargo and wasm-bindgen,
// so this redoes the end of its pipeline on cargo's output (linked with --emit-relocs,
// .cargo/config.toml):
// 1. tools/wasm-split cuts the module: a main module, `split_*.wasm` per lazy group and
//    `chunk_*.wasm` for code two groups share, and `__wasm_split.js`, which loads them
//    (fetched beside itself, on first use; each language's strings are such a group, which
//    the loader takes from index.html's early compile when it is there);
// 2. wasm-bindgen on the main module, with the names Trunk gave its own output, keeping the
//    linker's exports the chunks need (--keep-lld-exports);
// 3. release builds: wasm-opt -Oz on every module (Trunk's own wasm-opt is off: its output
//    is replaced);
// 4. release builds: the JavaScript glue and the loader minified (terser);
// 5. the staged files replaced, the main script's `integrity` hash in index.html recomputed,
//    the loader preloaded beside it, index.html's early compile pointed at the main module
//    (Trunk's preload of it dropped), Trunk's loader script made render-blocking, and
//    index.html's list of languages checked.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minify } from "terser";

const ROOT = new URL("..", import.meta.url).pathname;
const TOOL = join(ROOT, "target/tools/release/wasm-split");
const WASM_OPT = join(ROOT, "node_modules/.bin/wasm-opt");

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.error ?? `exit ${result.status}`})`);
  }
}

/**
 * wasm-bindgen rewrites the signatures of the closures JavaScript calls into externref ones
 * when the module uses reference types, and the split modules it never sees would keep the
 * old ones ("function signature mismatch" in a lazy page). Everything, std included, is
 * built without them (.cargo/config.toml, build-std in scripts/setup.sh): checked here.
 */
async function refuseReferenceTypes(path) {
  const wasm = await readFile(path);
  const section = wasm.indexOf("target_features");
  const at = section < 0 ? -1 : wasm.indexOf(Buffer.from("\x0freference-types", "latin1"), section);
  if (at > 0 && at - section < 400 && wasm[at - 1] === 0x2b /* + */) {
    throw new Error(`${path} uses reference types: build std from source without them (scripts/setup.sh, wasm_env)`);
  }
}

/**
 * The loader starts a module's fetch, then waits for the chunks it depends on before it
 * reads the answer: a fetch that fails meanwhile is an "uncaught" rejection in the console,
 * although the failure does reach the app (which says so and offers to try again). Marking
 * the promise as handled where it is made keeps the console clean; the failure still flows
 * through `instantiateStreaming`.
 */
function handleEarlyRejection(loader) {
  const fetchLine = "const src = fetch(srcUrl);";
  return replaceLine(loader, fetchLine, `${fetchLine}\n        src.catch(() => {});`, "__wasm_split.js");
}

/** `code` with `line` replaced; fails the build when a tool's output no longer has that line. */
function replaceLine(code, line, replacement, tool) {
  if (!code.includes(line)) throw new Error(`${tool} changed: review how scripts/split-wasm.mjs patches "${line}"`);
  return code.replace(line, replacement);
}

/**
 * wasm-bindgen's glue (73 KB) and the loader (8 KB) as the first visit fetches them: terser
 * renames locals and drops comments and blanks, about 3 KB less gzip. Exported names, the
 * import names the wasm asks for and module specifiers are strings or exports, which it keeps.
 */
async function minified(code) {
  const result = await minify(code, { module: true, format: { comments: false } });
  if (typeof result.code !== "string") throw new Error("terser returned no code");
  return result.code;
}

/**
 * index.html fetches the strings of the browser's language early (`split_strings_<tag>.wasm`,
 * src/i18n/packs.rs) from a list of its own: it must name exactly the languages split out,
 * and each must be a module of its own (no chunk first), or the early module is not enough.
 */
function checkEarlyLanguages(index, names, loader) {
  const listed = index.match(/var languages = (\[[^\]]*\]);/);
  if (!listed) throw new Error("index.html has no language list to fetch early from");
  const early = JSON.parse(listed[1]).sort();
  const split = names.map((name) => name.match(/^split_strings_(\w+)\.wasm$/)?.[1]).filter(Boolean).sort();
  if (early.join() !== split.join()) {
    throw new Error(`index.html fetches the strings of [${early}] early, the build has [${split}]: update its list`);
  }
  for (const tag of split) {
    if (!new RegExp(`"\\./split_strings_${tag}\\.wasm",\\s*import\\.meta\\.url\\),\\s*\\[\\s*\\]`).test(loader)) {
      throw new Error(`split_strings_${tag}.wasm needs other chunks first: index.html's early fetch would not be enough`);
    }
  }
}

/**
 * index.html starts compiling the strings of the browser's language while the main wasm
 * downloads (`dataRoadmapEarly`, keyed by path); the loader takes that module instead of
 * fetching and compiling it once the app asks, after the main module has started (a step
 * that cost the first screen 20-odd ms, its compile waiting behind the main module's). Once
 * taken, or if it failed, the next load fetches as usual.
 */
function useEarlyCompile(loader) {
  const fetchLine = "const src = fetch(srcUrl);";
  const early = [
    "const early = globalThis.dataRoadmapEarly;",
    "        const compiled = early && early[srcUrl.pathname];",
    "        if (compiled) {",
    "            delete early[srcUrl.pathname];",
    "            return async (imports) => await WebAssembly.instantiate(await compiled, imports);",
    "        }",
    `        ${fetchLine}`,
  ].join("\n");
  return replaceLine(loader, fetchLine, early, "__wasm_split.js");
}

/**
 * index.html also starts compiling the main module itself, in place of Trunk's
 * `<link rel="preload" as="fetch">`, which Safari does not match to the glue's own fetch: it
 * downloaded the main wasm twice, in parallel, on every first visit. The glue takes that
 * module; if it failed (a host serving the wrong MIME type, a dropped request), the glue
 * fetches again as it would have, with its own fallbacks and messages.
 */
function useEarlyMain(glue) {
  const fetchLine = "module_or_path = fetch(module_or_path);";
  // Trunk passes the path as index.html wrote it, which is the key.
  const early = [
    "const early = globalThis.dataRoadmapEarly;",
    "        const compiled = early && early[module_or_path];",
    "        if (compiled) {",
    "            delete early[module_or_path];",
    "            const again = module_or_path;",
    "            module_or_path = compiled.catch(() => fetch(again));",
    "        } else {",
    `            ${fetchLine}`,
    "        }",
  ].join("\n");
  return replaceLine(glue, fetchLine, early, "wasm-bindgen's glue");
}

/**
 * Points index.html's early compile at the main module's hashed name, and drops Trunk's
 * preload of it, which the early compile replaces.
 */
function compileMainEarly(index, staged) {
  const placeholder = 'var main = "/data-roadmap_bg.wasm";';
  if (!index.includes(placeholder)) throw new Error("index.html has no early compile of the main module");
  const preload = new RegExp(`\\s*<link rel="preload" href="/${staged.replaceAll(".", "\\.")}"[^>]*>`);
  if (!preload.test(index)) throw new Error(`index.html has no preload of ${staged}: has Trunk changed?`);
  return index.replace(placeholder, `var main = "/${staged}";`).replace(preload, "");
}

/**
 * Trunk's loader script, render-blocking: until it runs there is nothing to show (the body
 * is empty, and white), but the browser would still lay out and paint that empty page, a
 * frame of main-thread work right before the app starts on a reload; the first frame is now
 * the app's. The block lifts when the script runs (or fails to load), before the main
 * module is instantiated. Browsers without `blocking` ignore it.
 */
function renderOnceStarted(index) {
  const loader = '<script type="module">\nimport init';
  return replaceLine(index, loader, loader.replace(">", ' blocking="render">'), "Trunk's index.html");
}

/** The `integrity` value of a file of index.html's: its SHA-384, as Trunk writes it. */
export const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

export async function splitWasm(staging, release) {
  const staged = (await readdir(staging)).find((name) => name.endsWith("_bg.wasm"));
  if (!staged) throw new Error("no *_bg.wasm in Trunk's staging directory");
  const stem = staged.slice(0, -"_bg.wasm".length);
  const targetDir = process.env.CARGO_TARGET_DIR || join(ROOT, "target");
  const input = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "data-roadmap.wasm");
  if (!existsSync(TOOL)) throw new Error(`${TOOL} is missing: scripts/setup.sh builds it (ensure_split_tool)`);

  const work = await mkdtemp(join(tmpdir(), "data-roadmap-split-"));
  try {
    run(TOOL, [input, work, `./${stem}.js`]);
    await refuseReferenceTypes(join(work, "main.wasm"));
    const bindgen = join(work, "bindgen");
    run("wasm-bindgen", [
      join(work, "main.wasm"), "--target", "web", "--keep-lld-exports", "--no-typescript",
      "--out-name", stem, "--out-dir", bindgen,
    ]);
    const modules = [[join(bindgen, `${stem}_bg.wasm`), staged]];
    for (const name of await readdir(work)) {
      if (/^(split|chunk)_.*\.wasm$/.test(name)) modules.push([join(work, name), name]);
    }
    for (const [from, name] of modules) {
      if (release) {
        run(WASM_OPT, [
          "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
          "--strip-debug", "--strip-producers", from, "-o", join(staging, name),
        ]);
      } else {
        await copyFile(from, join(staging, name));
      }
    }
    const glue = useEarlyMain(await readFile(join(bindgen, `${stem}.js`), "utf8"));
    const loaderCode = useEarlyCompile(handleEarlyRejection(await readFile(join(work, "__wasm_split.js"), "utf8")));
    await writeFile(join(staging, `${stem}.js`), release ? await minified(glue) : glue);
    await writeFile(join(staging, "__wasm_split.js"), release ? await minified(loaderCode) : loaderCode);
    if (existsSync(join(bindgen, "snippets"))) {
      await cp(join(bindgen, "snippets"), join(staging, "snippets"), { recursive: true });
    }

    const indexPath = join(staging, "index.html");
    let index = renderOnceStarted(compileMainEarly(await readFile(indexPath, "utf8"), staged));
    checkEarlyLanguages(index, modules.map(([, name]) => name), loaderCode);
    const script = new RegExp(`(<link[^>]*href="/${stem}\\.js"[^>]*integrity=")[^"]*(")`);
    if (!script.test(index)) throw new Error(`index.html has no integrity for ${stem}.js: has Trunk changed?`);
    index = index.replace(script, `$1${sri(await readFile(join(staging, `${stem}.js`)))}$2`);
    const loader = `<link rel="modulepreload" href="/__wasm_split.js" crossorigin="anonymous" integrity="${sri(await readFile(join(staging, "__wasm_split.js")))}">`;
    index = index.replace(/(<link rel="modulepreload"[^>]*>)/, `$1\n${loader}`);
    if (!index.includes(loader)) throw new Error("index.html has no modulepreload link to put the loader beside");
    await writeFile(indexPath, index);
    console.log(`split: ${modules.length - 1} lazy modules and chunks beside ${staged}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
