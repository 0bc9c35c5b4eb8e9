// The shipped deploy/nginx.conf, served by a real nginx on a loopback port with only `listen`
// and `root` filled in: headers, compression, caching, deep links, the app, offline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, launch, newContext, createProject, waitForStored, expectAccessible, finish, freePort } from "./harness.mjs";

const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].find(existsSync) ?? "nginx";
const env = {};

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "dr-nginx-"));
  const port = await freePort();
  const shipped = await readFile(new URL("../../deploy/nginx.conf", import.meta.url), "utf8");
  const site = shipped
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/srv\/data-roadmap\/dist;/, `root ${DIST.replace(/\/$/, "")};`);
  assert.notEqual(site, shipped, "the shipped file has the listen and root lines the test fills in");
  await writeFile(join(dir, "data-roadmap.conf"), site);
  await mkdir(join(dir, "temp"));
  // Workers started by root run as another user, who could not read dist/ everywhere: the
  // test runs them as the user it is.
  const user = process.getuid?.() === 0 ? "user root root;" : "";
  await writeFile(
    join(dir, "nginx.conf"),
    `${user}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/temp/body;
    proxy_temp_path ${dir}/temp/proxy;
    fastcgi_temp_path ${dir}/temp/fastcgi;
    uwsgi_temp_path ${dir}/temp/uwsgi;
    scgi_temp_path ${dir}/temp/scgi;
    include ${dir}/data-roadmap.conf;
}
`,
  );
  env.log = join(dir, "access.log");
  env.nginx = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "inherit" });
  env.url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(env.url);
      break;
    } catch (error) {
      if (i > 100) throw new Error(`nginx did not answer: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  env.nginx?.kill("SIGQUIT");
});

const gzip = { "accept-encoding": "gzip" };

test("nginx serves the build with its headers, compression and caching", async () => {
  const index = await fetch(`${env.url}/`, { headers: gzip });
  assert.equal(index.status, 200);
  assert.match(index.headers.get("content-type"), /^text\/html/);
  assert.equal(index.headers.get("cache-control"), "no-cache");
  assert.equal(index.headers.get("content-encoding"), "gzip");
  assert.equal(
    index.headers.get("content-security-policy"),
    "frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
  );
  assert.equal(index.headers.get("x-content-type-options"), "nosniff");
  assert.equal(index.headers.get("referrer-policy"), "no-referrer");
  assert.match(await index.text(), /http-equiv="Content-Security-Policy"/);

  const files = await readdir(DIST);
  const wasm = files.find((f) => f.endsWith("_bg.wasm"));
  const response = await fetch(`${env.url}/${wasm}`, { headers: gzip });
  assert.equal(response.headers.get("content-type"), "application/wasm");
  assert.equal(response.headers.get("content-encoding"), "gzip");
  assert.equal(
    Number(response.headers.get("content-length")),
    (await stat(join(DIST, `${wasm}.gz`))).size,
    "the pre-compressed copy the build wrote (gzip_static), not one compressed on the fly",
  );
  assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");

  const worker = await fetch(`${env.url}/sw.js`);
  assert.equal(worker.headers.get("cache-control"), "no-cache");
  assert.match(worker.headers.get("content-type"), /javascript/);
  const manifest = await fetch(`${env.url}/manifest.webmanifest`);
  assert.equal(manifest.headers.get("content-type"), "application/manifest+json");

  const deep = await fetch(`${env.url}/project/6f1c2a9e-3b41-4c0e-9d2a-1f0e8b7c6a51/wanted`);
  assert.equal(deep.status, 200);
  assert.match(await deep.text(), /<title>Data Roadmap<\/title>/);
  assert.equal((await fetch(`${env.url}/missing-0123456789abcdef.js`)).status, 404);
});

test("through nginx the app runs, keeps its data and works offline, deep links included", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.url);
  await createProject(page, "Derrière nginx");
  await expectAccessible(page, "project page through nginx");
  await waitForStored(page, (text) => text.includes("Derrière nginx"));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const deepLink = page.url().replace(/\/?$/, "/wanted");
  await context.setOffline(true);
  await page.goto(deepLink);
  await page.getByRole("heading", { level: 1, name: "Wanted Data List" }).waitFor();
  await page.reload();
  await page.getByRole("link", { name: "Derrière nginx", exact: true }).waitFor();
  await context.setOffline(false);
  await finish(context);
});

test("through nginx the service worker's install takes what the first visit downloaded from the browser's cache", async () => {
  await writeFile(env.log, "");
  // Not the harness's context: Playwright's routing, which guards against outside requests
  // everywhere else, turns the browser's HTTP cache off.
  const context = await env.browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator("#new-project-name").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.close();
  // "GET /split_phase_one.wasm HTTP/1.1" 200 …, in the order nginx answered.
  const answers = (await readFile(env.log, "utf8"))
    .split("\n")
    .map((line) => line.match(/"GET (\S+) [^"]*" (\d{3})/))
    .filter(Boolean)
    .map(([, path, status]) => `${path} ${status}`);
  const of = (path) => answers.filter((answer) => answer.startsWith(`${path} `)).map((answer) => answer.split(" ")[1]);
  const files = await readdir(DIST);
  // Named after their content: downloaded once, the install finds them in the cache.
  for (const name of files.filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f))) {
    assert.deepEqual(of(`/${name}`), ["200"], name);
  }
  // The modules the first screen brought in: checked with the server, not sent again.
  for (const name of ["split_phase_one.wasm", "split_keeper.wasm", "__wasm_split.js"]) {
    assert.deepEqual(of(`/${name}`), ["200", "304"], name);
  }
  // The rest is downloaded once, by the install.
  assert.deepEqual(of("/split_workshop_mode.wasm"), ["200"]);
});
