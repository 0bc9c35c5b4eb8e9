// A request to open data, as a project holder drafts it: from the roadmap action to a letter
// in French (the CRPA) or English (the EU directive's principles), copied, printed or
// downloaded, then followed: date sent, the deadlines the law sets, a follow-up date on the
// timeline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useBrowser, newContext, expectAccessible, waitForStored, seedStorage, finish,
} from "./harness.mjs";

const env = useBrowser();
const GOLDEN = JSON.parse(await readFile(new URL("../fixtures/storage-layout-2.json", import.meta.url), "utf8"));
const A = "6f1c2a9e-3b41-4c0e-9d2a-1f0e8b7c6a51";
const REQUEST = "e2f3a4b5-c6d7-4e8f-90a1-b2c3d4e5f6a7";

async function projectPage(locale = "en-GB") {
  const context = await newContext(env.browser, { locale, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/manifest.webmanifest`);
  await seedStorage(page, GOLDEN);
  return { context, page };
}

const day = (text) => new RegExp(text.replace(/ /g, "\\s"));

test("a request letter is drafted from the roadmap, in French or English, and the request is followed", async () => {
  const { context, page } = await projectPage();
  await page.goto(`${env.server.url}/project/${A}/roadmap`);
  await page.getByRole("link", { name: /^Draft the request letter Action 2/ }).click();
  await page.getByRole("heading", { level: 1, name: "Request letter" }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/project/${A}/roadmap/${REQUEST}/letter`);
  const letter = page.getByTestId("letter");
  assert.equal(await letter.getAttribute("lang"), "fr", "French by default, whatever the screen");
  const french = await letter.innerText();
  for (const expected of [
    "Association Mer Vivante",
    "À l'attention de : Ifremer",
    "Objet : demande de communication et de publication des données « Cartographie des herbiers »",
    "Ces données serviront à : Fond de carte de l'observatoire.",
    "L300-2", "L311-1", "L311-9", "L312-1-1", "L321-1", "R311-13", "R343-1",
  ]) assert.ok(french.includes(expected), `${expected} in:\n${french}`);
  assert.equal(await page.getByTestId("letter-gaps").count(), 0, "nothing missing in the fixture");
  assert.equal(await page.getByRole("link", { name: /madada\.fr/ }).getAttribute("href"), "https://madada.fr/");
  await expectAccessible(page, "request letter");

  // For a producer in another country: the directive's principles, no right claimed.
  await page.getByLabel("Letter language").selectOption("en");
  await page.getByText("Dear Sir or Madam,").waitFor();
  const english = await letter.innerText();
  assert.match(english, /To: Ifremer/);
  assert.match(english, /Directive \(EU\) 2019\/1024/);
  assert.match(english, /does not itself create a right of access/);
  assert.ok(!english.includes("L311-1"));

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the letter (text)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^observatoire-des-herbiers-de-posidonie-\d{4}-\d\d-\d\d-request\.txt$/);
  const text = await readFile(await download.path(), "utf8");
  assert.ok(text.startsWith("Association Mer Vivante\nObservatoire des herbiers de posidonie\n\nTo: Ifremer"), text);

  // Printed, the letter is all there is.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("heading", { level: 1 }).isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Print the letter" }).isVisible(), false);
  assert.ok(await letter.isVisible());
  await page.emulateMedia({ media: "screen" });

  // Following the request: what silence means, and when to follow it up.
  const deadlines = page.getByTestId("request-deadlines");
  assert.match(await deadlines.innerText(), day("Without an answer by (12 Feb 2026|Feb 12, 2026), the request counts as refused"));
  await page.getByLabel("Date sent").fill("2026-03-02");
  await page.getByLabel("Follow-up date").fill("");
  await page.getByRole("button", { name: /^Follow up on / }).click();
  assert.equal(await page.getByLabel("Follow-up date").inputValue(), "2026-04-02");
  await waitForStored(page, (t) => t.includes('"request_sent":"2026-03-02"') && t.includes('"follow_up":"2026-04-02"'));

  // The timeline shows both dates.
  await page.getByRole("link", { name: "Back to the roadmap" }).click();
  const item = page.locator(".timeline-item", { hasText: "Cartographie des herbiers — Request its opening" });
  await item.first().waitFor();
  const details = await item.first().innerText();
  assert.match(details, day("request sent (2 Mar 2026|Mar 2, 2026)"));
  assert.match(details, day("follow up (2 Apr 2026|Apr 2, 2026)"));
  await finish(context);
});

test("the letter page speaks French, says what is missing, and passes axe", async () => {
  const { context, page } = await projectPage("fr-FR");
  const record = JSON.parse(GOLDEN[`data-roadmap:project:${A}`]);
  record.project.holder = "";
  record.project.wanted[0].producer = "";
  await seedStorage(page, { [`data-roadmap:project:${A}`]: JSON.stringify(record) });
  await page.goto(`${env.server.url}/project/${A}/roadmap/${REQUEST}/letter`);
  await page.getByRole("heading", { level: 1, name: "Courrier de demande d'ouverture" }).waitFor();
  assert.equal(
    await page.getByTestId("letter-gaps").innerText(),
    "À compléter avant l'envoi : l'organisation ou le porteur du projet (vue d'ensemble), le producteur de la donnée (phase 1).",
  );
  const french = await page.getByTestId("letter").innerText();
  assert.ok(french.startsWith("[votre organisation]"), french);
  assert.ok(french.includes("À l'attention de : [producteur de la donnée]"));
  assert.match(await page.getByTestId("request-deadlines").innerText(), /Sans réponse au .*2026, la demande est réputée refusée ; vous pourrez alors saisir la CADA jusqu'au .*2026\./);
  await expectAccessible(page, "request letter, French");
  // An address for an action that does not exist is not found.
  await page.goto(`${env.server.url}/project/${A}/roadmap/00000000-0000-0000-0000-000000000000/letter`);
  await page.getByText("Page introuvable").waitFor();
  await finish(context);
});
