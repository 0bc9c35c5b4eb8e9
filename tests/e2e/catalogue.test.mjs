// Searching data.gouv.fr from a dataset's sources page. The catalogue is answered here by
// Playwright's routing with records shaped like udata's API (tests/fixtures/catalogues/);
// any other request that leaves the machine still fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, newContext, expectAccessible, seedStorage, finish, storedWorkspace, WORKSPACE_KEY } from "./harness.mjs";

const env = useBrowser();
const EUROPA = JSON.parse(await readFile(new URL("../fixtures/catalogues/europa-search.json", import.meta.url), "utf8"));
const SEARCH = JSON.parse(await readFile(new URL("../fixtures/catalogues/udata-search.json", import.meta.url), "utf8"));
const LICENCES = JSON.parse(await readFile(new URL("../fixtures/catalogues/udata-licenses.json", import.meta.url), "utf8")).answer;
const PROJECT = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const WANTED = "8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
const workspace = JSON.stringify({
  schema_version: 9,
  projects: [{ id: PROJECT, name: "Baignade", wanted: [{ id: WANTED, name: "Qualité des eaux de baignade", value: 3 }] }],
});

/** A profile on the dataset's sources page; `answer(url)` answers data.gouv.fr. */
async function sourcesPage({ locale = "en-GB", answer, clock = false } = {}) {
  const context = await newContext(env.browser, { locale, serviceWorkers: "block" });
  const requests = [];
  // Registered after the harness's route, so it runs first for this host.
  for (const host of ["https://www.data.gouv.fr/**", "https://data.europa.eu/**"]) {
    await context.route(host, async (route) => {
      requests.push(route.request().url());
      await answer(route);
    });
  }
  const page = await context.newPage();
  if (clock) await page.clock.install();
  await page.goto(`${env.server.url}/manifest.webmanifest`);
  await seedStorage(page, { [WORKSPACE_KEY]: workspace });
  await page.goto(`${env.server.url}/project/${PROJECT}/wanted/${WANTED}/sources`);
  await page.getByTestId("catalogue-search").waitFor();
  return { context, page, requests };
}

const json = (body, status = 200, headers = {}) => ({
  status,
  headers: { "content-type": "application/json", "access-control-allow-origin": "*", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** data.gouv.fr as the fixtures shape it; `edit(record)` changes a full record on the way. */
function udata(route, edit = (record) => record) {
  const url = new URL(route.request().url());
  if (url.pathname === "/api/1/datasets/licenses/") return route.fulfill(json(LICENCES));
  if (url.pathname === "/api/1/datasets/") {
    // Page 2 exists so that paging can be driven: the same records, renamed.
    if (url.searchParams.get("page") === "2") {
      const data = SEARCH.data.map((d) => ({ ...d, id: `${d.id}-2`, title: `${d.title} (2)` }));
      return route.fulfill(json({ ...SEARCH, data, page: 2, total: 12, next_page: null, previous_page: "p1" }));
    }
    return route.fulfill(json({ ...SEARCH, total: 12, next_page: "p2" }));
  }
  const id = url.pathname.split("/")[4];
  const record = SEARCH.data.find((d) => d.id === id);
  return route.fulfill(record ? json(edit(structuredClone(record))) : json({ message: "Not found" }, 404));
}

test("a search on data.gouv.fr becomes a candidate source with its criteria prefilled and marked", async () => {
  const { context, page, requests } = await sourcesPage({ answer: udata });
  assert.equal(await page.getByLabel("Search for").inputValue(), "Qualité des eaux de baignade");
  assert.match(await page.getByTestId("catalogue-search").innerText(), /sent to www\.data\.gouv\.fr when you press “Search”/);
  assert.deepEqual(requests, [], "nothing is sent before Search");
  await expectAccessible(page, "catalogue search");

  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByTestId("catalogue-result");
  await results.nth(1).waitFor();
  assert.deepEqual(
    [...requests].sort(),
    [
      "https://www.data.gouv.fr/api/1/datasets/?q=Qualit%C3%A9%20des%20eaux%20de%20baignade&page=1&page_size=10",
      "https://www.data.gouv.fr/api/1/datasets/licenses/",
    ],
    "the search, and the licence list once a session",
  );
  const first = await results.first().innerText();
  assert.match(first, /Producer: Ministère des Solidarités et de la Santé · licence: Licence Ouverte \/ Open Licence version 2\.0 · formats: CSV · updated: 2025-10-01 \(Annual\)/);
  assert.match(first, /Coverage: fr:pays:fr, fr:commune · 2013-01-01 – 2025-12-31/);
  assert.match(first, /quality score: 89\/100/);
  await expectAccessible(page, "catalogue results");

  await page.getByRole("button", { name: "Add as a candidate source Qualité des eaux de baignade" }).click();
  const card = page.locator(".source-card").first();
  await card.waitFor();
  assert.equal(requests.length, 3, "one more request, for the full record");
  assert.match(requests[2], /\/api\/1\/datasets\/5de8f397634f4164071119c5\/$/);
  assert.equal(await card.getByLabel("Title").inputValue(), "Qualité des eaux de baignade");
  assert.equal(await card.getByLabel("Licence", { exact: true }).inputValue(), "etalab_2_0");
  assert.ok(await card.getByLabel("CSV").isChecked());
  assert.ok((await card.locator(".prefilled").count()) >= 8, "each prefilled value is marked");
  assert.match(await card.locator(".prefilled").first().innerText(), /^From data\.gouv\.fr, [A-Z][a-z]+ \d+, \d{4}$/);
  await expectAccessible(page, "a source from the catalogue");

  const stored = await storedWorkspace(page);
  const source = stored.projects[0].wanted[0].sources[0];
  assert.equal(source.provenance.catalogue, "data_gouv_fr");
  assert.equal(source.provenance.record, "https://www.data.gouv.fr/api/1/datasets/5de8f397634f4164071119c5/");
  assert.equal(source.spatial_coverage, "not_assessed", "coverage against the need is the holder's to judge");

  // What metadata cannot answer is the holder's; then the verdict is computed.
  assert.match(await card.locator(".outcome").innerText(), /Criteria assessed: 5 of 9/);
  await card.getByLabel("Spatial coverage against the need").selectOption("matches");
  await card.getByLabel("Temporal coverage against the need").selectOption("matches");
  await card.getByLabel("Completeness and quality").selectOption("good");
  await card.getByLabel("Personal data", { exact: true }).selectOption("none");
  const outcome = await card.locator(".outcome").innerText();
  assert.match(outcome, /Criteria assessed: 9 of 9/);
  assert.match(outcome, /Score: 100\/100 · 3 of 5 open-data stars · Criteria assessed: 9 of 9\s+Verdict:\s+Green — usable as is/);

  // The same search again comes from the session's cache; the next page is one request.
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await results.nth(1).waitFor();
  assert.equal(requests.length, 3);
  assert.match(await page.getByTestId("catalogue-search").innerText(), /12 result\(s\) on data\.gouv\.fr — page 1/);
  await page.getByRole("button", { name: "Next page" }).click();
  await page.getByText("12 result(s) on data.gouv.fr — page 2").waitFor();
  assert.equal(requests.length, 4);
  assert.match(requests[3], /&page=2&page_size=10$/);
  assert.match(await results.first().innerText(), /Qualité des eaux de baignade \(2\)/);
  assert.equal(await page.getByRole("button", { name: "Next page" }).count(), 0, "the last page");
  await page.getByRole("button", { name: "Previous page" }).click();
  await page.getByText("12 result(s) on data.gouv.fr — page 1").waitFor();
  assert.equal(requests.length, 4, "page 1 again, from the cache");
  await finish(context);
});

test("an error, a request to wait, a strange answer, a timeout and being offline each say so", async () => {
  let reply = (route) => route.fulfill(json({ message: "boom" }, 500));
  const { context, page, requests } = await sourcesPage({ answer: (route) => reply(route), clock: true });
  const search = page.getByRole("button", { name: "Search", exact: true });
  const error = page.getByTestId("catalogue-error");
  await search.click();
  assert.match(await error.innerText(), /data\.gouv\.fr answered with an error \(500\)/);
  assert.equal(
    await error.getByRole("link", { name: "Search on the data.gouv.fr site" }).getAttribute("href"),
    "https://www.data.gouv.fr/fr/datasets/?q=Qualit%C3%A9%20des%20eaux%20de%20baignade",
  );
  await expectAccessible(page, "catalogue error");

  reply = (route) =>
    route.fulfill(json({ message: "slow down" }, 429, { "retry-after": "20", "access-control-expose-headers": "Retry-After" }));
  await page.getByLabel("Search for").fill("eaux 2");
  await search.click();
  await error.filter({ hasText: "asks to wait before another search: try again in 20 s" }).waitFor();
  // Searching again before then says so again, and asks nothing.
  const asked = requests.length;
  await page.clock.runFor(5_000);
  await page.getByLabel("Search for").fill("eaux 2b");
  await search.click();
  await error.filter({ hasText: "try again in 15 s" }).waitFor();
  assert.equal(requests.length, asked);

  reply = (route) => route.fulfill({ status: 200, headers: { "access-control-allow-origin": "*" }, body: "<html>maintenance</html>" });
  await page.clock.runFor(16_000);
  await page.getByLabel("Search for").fill("eaux 3");
  await search.click();
  await error.filter({ hasText: "answered something unexpected" }).waitFor();

  reply = () => new Promise(() => {}); // never answers
  await page.getByLabel("Search for").fill("eaux 4");
  await search.click();
  await page.getByText("Searching…").waitFor();
  await page.clock.runFor(10_000);
  await error.filter({ hasText: "did not answer within 10 seconds" }).waitFor();

  const before = requests.length;
  await context.setOffline(true);
  await page.getByLabel("Search for").fill("eaux 5");
  await search.click();
  await error.filter({ hasText: "You are offline" }).waitFor();
  assert.equal(requests.length, before, "offline, nothing is sent");
  // Entering a source by hand still works.
  await page.getByRole("button", { name: "Add a candidate source", exact: true }).click();
  await page.locator(".source-card").first().waitFor();
  await context.setOffline(false);
  await finish(context);
});

test("in French, the search says where the query goes and passes axe", async () => {
  const { context, page } = await sourcesPage({ locale: "fr-FR", answer: udata });
  assert.match(await page.getByTestId("catalogue-search").innerText(), /envoyée à www\.data\.gouv\.fr quand vous appuyez sur « Chercher »/);
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await page.getByTestId("catalogue-result").nth(1).waitFor();
  assert.match(await page.getByTestId("catalogue-result").first().innerText(), /Producteur : Ministère/);
  await expectAccessible(page, "recherche dans les catalogues");
  await finish(context);
});

function europa(route) {
  const url = new URL(route.request().url());
  if (url.pathname === "/api/hub/search/search") return route.fulfill(json(EUROPA));
  const id = url.pathname.split("/").pop();
  const record = EUROPA.result.results.find((d) => d.id === id);
  return route.fulfill(record ? json({ success: true, result: record }) : json({ success: false }, 404));
}

test("data.europa.eu is searched in the interface's language and its record fills a source", async () => {
  const { context, page, requests } = await sourcesPage({ answer: europa });
  await page.getByLabel("Catalogue", { exact: true }).selectOption("data_europa_eu");
  assert.match(await page.getByTestId("catalogue-search").innerText(), /sent to data\.europa\.eu when you press/);
  await page.getByLabel("Search for").fill("popolazione");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByTestId("catalogue-result");
  await results.nth(1).waitFor();
  assert.equal(requests[0], "https://data.europa.eu/api/hub/search/search?q=popolazione&filter=dataset&limit=10&page=0");
  const first = await results.first().innerText();
  assert.match(first, /Resident population by municipality - 2023/);
  assert.match(first, /Producer: Istituto Nazionale di Statistica · licence: Creative Commons Attribution 4\.0 International · formats: CSV · updated: 2024-01-10 \(Annual\)/);
  await page.getByRole("button", { name: "Add as a candidate source Resident population by municipality - 2023" }).click();
  const card = page.locator(".source-card").first();
  await card.waitFor();
  assert.equal(requests[1], "https://data.europa.eu/api/hub/search/datasets/popolazione-residente-per-comune-2023");
  assert.equal(await card.getByLabel("Licence", { exact: true }).inputValue(), "cc_by_4_0");
  assert.match(await card.locator(".prefilled").first().innerText(), /^From data\.europa\.eu, /);
  await expectAccessible(page, "data.europa.eu results");
  await finish(context);
});

test("a source from the catalogue is checked again: what changed is shown, the ticked values taken, undo", async () => {
  let edit = (record) => record;
  const { context, page, requests } = await sourcesPage({ answer: (route) => udata(route, edit) });
  assert.equal(await page.getByTestId("catalogue-check").count(), 0, "only for sources a catalogue filled");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("button", { name: "Add as a candidate source Qualité des eaux de baignade" }).click();
  const card = page.locator(".source-card").first();
  const check = card.getByTestId("catalogue-check");
  await check.waitFor();
  assert.match(await check.innerText(), /Reads this source's record again from www\.data\.gouv\.fr/);
  const asked = requests.length;

  // Nothing changed: said, and the record was asked again (not the session's copy).
  await check.getByRole("button", { name: "Check against data.gouv.fr" }).click();
  await check.getByText(/Nothing has changed on data\.gouv\.fr/).waitFor();
  assert.equal(requests.length, asked + 1);

  // The catalogue changes its licence and its last update; the holder corrected the producer.
  edit = (record) => ({ ...record, license: "odc-odbl", last_update: "2026-10-01T00:00:00+00:00" });
  await card.getByLabel("Producer", { exact: true }).fill("ARS Occitanie");
  await check.getByRole("button", { name: "Check against data.gouv.fr" }).click();
  const changes = check.locator(".catalogue-changes");
  await changes.waitFor();
  const text = await changes.innerText();
  assert.match(text, /What differs on data\.gouv\.fr today/);
  assert.match(text, /Licence: “Licence Ouverte \/ Etalab 2\.0” here, “ODbL” on data\.gouv\.fr/);
  assert.match(text, /Date of last update: “2025-10-01” here, “2026-10-01” on data\.gouv\.fr/);
  assert.match(text, /Producer: “ARS Occitanie” here, “Ministère des Solidarités et de la Santé” on data\.gouv\.fr/);
  await expectAccessible(page, "catalogue changes");
  // Keep my producer, take the rest.
  await changes.getByLabel(/^Producer:/).uncheck();
  await changes.getByRole("button", { name: "Take the ticked values" }).click();
  await page.getByText("2 value(s) taken from data.gouv.fr.").waitFor();
  assert.equal(await card.getByLabel("Licence", { exact: true }).inputValue(), "odbl");
  assert.equal(await card.getByLabel("Date of last update").inputValue(), "2026-10-01");
  assert.equal(await card.getByLabel("Producer", { exact: true }).inputValue(), "ARS Occitanie");

  await page.getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelector(".source-card select[id^=source-licence]")?.value === "etalab_2_0");
  assert.equal(await card.getByLabel("Date of last update").inputValue(), "2025-10-01");
  await finish(context);
});
