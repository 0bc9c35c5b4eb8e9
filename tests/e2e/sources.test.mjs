// Phase 2 end to end: two candidate sources evaluated, scores, verdicts, best source, an
// override with its reason, links, the comparison table, reload, and accessibility.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, newContext, expectAccessible, waitForStored, storedWorkspace,
  createProject, finish,
} from "./harness.mjs";

const env = useBrowser();

async function evaluate(card, answers) {
  for (const [label, value] of Object.entries(answers.text ?? {})) {
    await card.getByLabel(label, { exact: true }).fill(value);
  }
  for (const [label, option] of Object.entries(answers.choose ?? {})) {
    await card.getByLabel(label, { exact: true }).selectOption({ label: option });
  }
  for (const format of answers.formats ?? []) {
    await card.getByLabel(format, { exact: true }).check();
  }
}

test("two sources are evaluated, scored, compared and overridden, and all of it is kept", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await createProject(page, "Posidonia watch");
  await page.getByRole("link", { name: "Open the Wanted Data List" }).click();
  await page.getByRole("button", { name: "Add a wanted dataset" }).click();
  await page.getByLabel("Dataset name").fill("Seagrass map");
  await page.getByRole("button", { name: /^Details/ }).click();
  await page.getByLabel("Freshness wanted").selectOption({ label: "Annual" });

  await page.getByRole("link", { name: "Phase 2: Collect and evaluate" }).click();
  await page.getByRole("heading", { level: 1, name: "Collect and evaluate" }).waitFor();
  await page.getByRole("cell", { name: "No verdict yet" }).waitFor();
  await expectAccessible(page, "Collect and evaluate, before any source");
  await page.getByRole("link", { name: "Evaluate sources Seagrass map" }).click();
  await page.getByRole("heading", { level: 1, name: "Sources for “Seagrass map”" }).waitFor();

  await page.getByRole("button", { name: "Add a candidate source" }).click();
  const first = page.locator("li.source-card").nth(0);
  await evaluate(first, {
    text: { "Source title": "Ifremer seagrass", Link: "https://example.org/seagrass" },
    choose: {
      Licence: "Licence Ouverte / Etalab 2.0",
      Access: "Direct download",
      "Update frequency": "Annual",
      "Spatial coverage against the need": "Matches",
      "Temporal coverage against the need": "Matches",
      "Completeness and quality": "Good",
      "Documentation and metadata": "Good",
      "Personal data": "None",
    },
    formats: ["GeoJSON"],
  });
  await first.getByText("Score: 100/100 · 3 of 5 open-data stars · Criteria assessed: 9 of 9").waitFor();
  await first.locator(".outcome").getByText("Green — usable as is").waitFor();

  await page.getByRole("button", { name: "Add a candidate source" }).click();
  const second = page.locator("li.source-card").nth(1);
  await evaluate(second, {
    text: { "Source title": "Divers' notes", Link: "javascript:alert(1)" },
    choose: { Licence: "Unknown", Access: "On request", "Update frequency": "Irregular" },
    formats: ["PDF"],
  });
  await second.getByText("Criteria assessed: 4 of 9").waitFor();
  await second.getByText("No verdict yet").waitFor();
  await evaluate(second, {
    choose: {
      "Spatial coverage against the need": "Partly",
      "Temporal coverage against the need": "Partly",
      "Completeness and quality": "Poor",
      "Documentation and metadata": "Poor",
      "Personal data": "Possible",
    },
  });
  await second.getByText("Score: 20/100 · 0 of 5 open-data stars · Criteria assessed: 9 of 9").waitFor();
  await second.locator(".outcome").getByText("Orange — usable with work").waitFor();

  // Links: only http(s) is clickable.
  assert.equal(await first.getByRole("link", { name: /Open the link/ }).getAttribute("href"), "https://example.org/seagrass");
  assert.equal(await second.getByRole("link", { name: /Open the link/ }).count(), 0);
  await second.getByText("This link is not clickable").waitFor();
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);

  // The dataset's verdict and best source.
  const summary = page.locator("section.summary");
  await summary.getByText("Green — usable as is").waitFor();
  await summary.getByText("Best source: Ifremer seagrass").waitFor();

  // Override the second source's verdict: only with a reason, and visibly.
  await second.getByLabel("Override the computed verdict").check();
  await second.getByLabel("Chosen verdict").selectOption({ label: "Red — not usable now" });
  await second.locator(".outcome").getByText("Orange — usable with work").waitFor();
  await second.getByLabel("Reason for the change").fill("Unverified notes");
  await second.locator(".outcome").getByText("Red — not usable now").waitFor();
  await second.getByText("set by the holder: Unverified notes (computed verdict: Orange — usable with work)").waitFor();

  // A fair quality on the best source suggests cleaning; the suggestion can be applied.
  await first.getByLabel("Completeness and quality", { exact: true }).selectOption({ label: "Fair" });
  await summary.getByText("Work flags the evaluation suggests: To clean").waitFor();
  await summary.getByRole("button", { name: "Add these work flags" }).click();
  assert.equal(await summary.getByText("Work flags the evaluation suggests").count(), 0);

  await page.getByText("Compare the sources side by side").click();
  const table = page.getByRole("table");
  await table.getByRole("columnheader", { name: "Divers' notes" }).waitFor();
  await table.getByRole("row", { name: /Score out of 100/ }).getByText("95 / 100").waitFor();
  await expectAccessible(page, "sources of a wanted dataset (en)");

  await waitForStored(page, (text) => text.includes("Unverified notes") && text.includes("to_clean"));
  await page.reload();
  await page.locator("li.source-card").nth(1).getByText("set by the holder: Unverified notes").waitFor();
  await page.locator("li.source-card").nth(0).getByText("Score: 95/100").waitFor();
  const stored = await storedWorkspace(page);
  assert.equal(stored.schema_version, 9);
  const sources = stored.projects[0].wanted[0].sources;
  assert.deepEqual(sources.map((s) => s.title), ["Ifremer seagrass", "Divers' notes"]);
  assert.deepEqual(sources[1].verdict_override, { verdict: "red", reason: "Unverified notes" });
  assert.deepEqual(stored.projects[0].wanted[0].flags, ["to_clean"]);

  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("heading", { level: 1, name: "Sources pour « Seagrass map »" }).waitFor();
  await page.getByText("Comparer les sources côte à côte").click();
  await expectAccessible(page, "sources d'une donnée (fr)");
  await page.getByRole("link", { name: "Toutes les données recherchées" }).click();
  await page.getByRole("cell", { name: "Vert — utilisable tel quel" }).waitFor();
  await page.getByText("1 sur 1 évaluées").waitFor();
  await page.getByText("Comment la note et le verdict sont-ils calculés ?").click();
  await page.getByText("Licence : 20 points si elle est ouverte, 0 sinon.").waitFor();
  await expectAccessible(page, "collecter et évaluer (fr)");
  await page.getByLabel("Langue").selectOption("en");
  await expectAccessible(page, "Collect and evaluate (en)");

  // Removing a source can be undone.
  await page.getByRole("link", { name: "Evaluate sources Seagrass map" }).click();
  await page.getByRole("button", { name: "Remove Divers' notes" }).click();
  assert.equal(await page.locator("li.source-card").count(), 1);
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await page.locator("li.source-card").count(), 2);
  await finish(context);
});

test("data saved before phase 2 existed opens with its wanted datasets intact", async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.url);
  const v1 = await (await import("node:fs/promises")).readFile(new URL("../fixtures/workspace-v1.json", import.meta.url), "utf8");
  await page.evaluate((text) => localStorage.setItem("data-roadmap:workspace", text), v1);
  await page.reload();
  await page.getByRole("link", { name: "Observatoire des herbiers de posidonie", exact: true }).click();
  await page.getByRole("link", { name: "Phase 2: Collect and evaluate" }).click();
  await page.getByRole("cell", { name: "Cartographie des herbiers" }).waitFor();
  await page.getByText("0 of 2 evaluated").waitFor();
  await finish(context);
});
