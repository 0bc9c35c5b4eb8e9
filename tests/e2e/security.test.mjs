// The Content-Security-Policy of the release build: written at build time with the hash of
// Trunk's inline loader, it lets the app run and refuses anything else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, newContext, createProject, finish, DIST } from "./harness.mjs";

const env = useBrowser();

test("the build's policy allows its own loader, its early compile of the modules, and nothing inline besides", async () => {
  const index = await readFile(join(DIST, "index.html"), "utf8");
  const policy = index.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, "index.html carries a policy");
  assert.ok(index.indexOf(policy) < index.indexOf("<script"), "the policy comes before any script");
  const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => body);
  assert.equal(inline.length, 2, "two inline scripts");
  const early = inline.find((body) => body.includes('"/split_strings_"'));
  // Render-blocking: the browser paints no empty page before it (scripts/split-wasm.mjs).
  const loader = index.match(/<script type="module" blocking="render">([\s\S]*?)<\/script>/)?.[1];
  assert.ok(early && loader?.includes("init("), "the early compile (main wasm and strings) and Trunk's loader");
  const hashes = [early, loader].map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  assert.equal(
    policy,
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}; style-src 'self'; ` +
      "img-src 'self' data:; connect-src 'self' https://www.data.gouv.fr https://data.europa.eu; object-src 'none'; base-uri 'none'; form-action 'none'",
  );

  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await createProject(page, "Politique");
  await page.getByRole("link", { name: "Data map", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Data map" }).waitFor();
  // Something inline the build did not ship is refused, and the harness sees it.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
  });
  await page.waitForFunction(() => true);
  assert.equal(await page.evaluate(() => window.injected), undefined, "the inline script did not run");
  await page.waitForTimeout(100);
  assert.ok(page.errors.some((e) => e.startsWith("CSP:")), "the violation was reported");
  page.errors.length = 0;
  await finish(context);
});
