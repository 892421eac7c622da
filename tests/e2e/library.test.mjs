// The best-practice library in the real window: a practice captured in a meeting is found by a
// word of its summary, opened, tagged and marked reviewed, exported, then found again through
// Ctrl+K from the middle of another field, and all of it is there after a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  By, Key, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type, until,
} from './support/app.mjs';

// The native save dialog is outside the web view; the app writes into this folder instead.
const outDir = mkdtempSync(join(tmpdir(), 'icp-desk-e2e-library-'));
const TITLE = 'Bicycle library for schoolchildren';
// "zephyrine" is in no sample record: the library finds this practice by it alone.
const SUMMARY = 'Pupils borrow refurbished bicycles from the zephyrine depot, 광주 style';

before(() => startDriver({ ICP_DESK_TEST_EXPORT_DIR: outDir }));
after(async () => {
  await stopDriver();
  rmSync(outDir, { recursive: true, force: true });
});

/** Sets a date or time field as its picker would: WebKit's takes no typed text through WebDriver. */
async function pick(driver, id, value) {
  await driver.executeScript(
    "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));",
    id,
    value,
  );
}

/** Sets a text box as a paste would (WebDriver types long text one key at a time). */
async function paste(driver, element, value) {
  await driver.executeScript(
    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
    element,
    value,
  );
}

async function waitText(driver, testId, pattern, what) {
  const el = await byTestId(driver, testId, 15000);
  await driver.wait(async () => pattern.test(await el.getText()), 15000, what);
  return el;
}

/** The library's line of the practice with this title. */
async function hitOf(driver, title) {
  return driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid='library-hit'][.//*[@data-testid='library-hit-link'][contains(., '${title}')]]`)),
    15000,
    `no library line for ${title}`,
  );
}

/** Waits until the palette shows the answer to the words now in its box. */
async function settled(driver) {
  await driver.wait(
    () => driver.executeScript("return document.getElementById('palette-results')?.getAttribute('aria-busy') === 'false';"),
    15000,
    'the palette is still searching',
  );
}

async function paletteOpen(driver) {
  return driver.executeScript("return document.querySelector('[data-testid=\"search-palette\"]').open === true;");
}

test('a captured practice is found in the library, reviewed, and reached through Ctrl+K', async () => {
  const dir = newDataDir();
  let driver;
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    driver = await launch(dir);

    // Captured while the meeting runs, as a cluster manager would.
    await goTo(driver, 'Meetings');
    await press(driver, await byTestId(driver, 'new-meeting'));
    await type(await byId(driver, 'meeting-title'), 'Clean air: school streets');
    await pick(driver, 'meeting-date', '2022-09-14');
    await pick(driver, 'meeting-time', '10:00');
    await pick(driver, 'meeting-end', '11:00');
    await type(await byId(driver, 'meeting-zone'), 'Europe/Lisbon');
    await press(driver, await byTestId(driver, 'save-meeting'));
    await byTestId(driver, 'capture-panel', 15000);
    await type(await byId(driver, 'capture-title'), TITLE);
    await (await byId(driver, 'capture-city')).findElement(By.xpath(".//option[normalize-space(.)='Porto']")).click();
    await (await byId(driver, 'capture-theme')).findElement(By.xpath(".//option[normalize-space(.)='Air quality']")).click();
    await type(await byId(driver, 'capture-summary'), SUMMARY);
    await waitText(driver, 'capture-save-state', /^Saved/, 'the capture was not saved');
    await byTestId(driver, 'captured-practice', 15000);

    // Found by one word of its summary, the word marked.
    await goTo(driver, 'Best practices');
    await type(await byTestId(driver, 'library-search'), 'zephyrine');
    // Typed a key at a time: earlier answers (to "zeph") may come first; the last one marks the word.
    await driver.wait(
      () => driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=\"library-hit\"] mark')].some((m) => m.textContent.toLowerCase() === 'zephyrine');",
      ),
      15000,
      'the word is not marked',
    );
    await waitText(driver, 'library-total', /^1 practice$/, 'the library did not narrow to one practice');
    const hit = await hitOf(driver, TITLE);
    assert.match(await hit.getText(), /Porto/);
    assert.match(await hit.getText(), /Air quality/);

    // A word nothing has says so, naming the word.
    await type(await byTestId(driver, 'library-search'), 'zephyrine quokka');
    await waitText(driver, 'library-no-match', /No practice matches “zephyrine quokka”/, 'no "nothing matches" for unknown words');
    await type(await byTestId(driver, 'library-search'), 'zephyrine');
    await press(driver, await (await hitOf(driver, TITLE)).findElement(By.css('[data-testid="library-hit-link"]')));

    // Its page: the meeting it came from, a tag, and the review.
    const pageEl = await byTestId(driver, 'practice-page', 15000);
    const practiceId = await pageEl.getAttribute('data-practice-id');
    assert.match(await (await byTestId(driver, 'practice-meeting-link')).getText(), /Clean air: school streets/);
    const tagInput = await byTestId(driver, 'practice-tag-input');
    await type(tagInput, 'school streets');
    await tagInput.sendKeys(Key.ENTER);
    await waitText(driver, 'practice-tags', /school streets/, 'the tag was not added');
    await waitText(driver, 'practice-save-state', /^Saved/, 'the tag was not saved');

    // Marked reviewed with no one chosen: the desk's own message, beside the reviewer.
    await press(driver, await byTestId(driver, 'practice-mark-reviewed'));
    const required = await byId(driver, 'error-practice-reviewed_by', 15000);
    assert.ok((await required.getText()).length > 0);
    const reviewer = await byTestId(driver, 'practice-reviewer');
    const choice = await reviewer.findElement(By.xpath('./option[2]'));
    const name = (await choice.getText()).replace(/ \(.*\)$/, '');
    await choice.click();
    const line = await waitText(driver, 'practice-reviewed-line', /^Reviewed by /, 'the practice was not marked reviewed');
    assert.ok((await line.getText()).startsWith(`Reviewed by ${name} on `), await line.getText());

    // Back to the very list it was opened from.
    await press(driver, await byTestId(driver, 'back-to-library'));
    assert.equal(await (await byTestId(driver, 'library-search')).getAttribute('value'), 'zephyrine');
    const reviewedHit = await hitOf(driver, TITLE);
    await driver.wait(async () => /Reviewed/i.test(await reviewedHit.getText()), 15000, 'the line does not say reviewed');

    // The list as a spreadsheet: the query's practices, all of them.
    await press(driver, await byTestId(driver, 'export-practices-csv'));
    await waitText(driver, 'library-export-note', /^Saved to /, 'the CSV was not exported');
    const csv = join(outDir, 'Best practices - practices.csv');
    assert.ok(existsSync(csv), 'no CSV file');
    const text = readFileSync(csv, 'utf8');
    assert.ok(text.includes(TITLE), text.slice(0, 500));
    assert.ok(text.includes('zephyrine'), 'the summary is not in the CSV');

    // Ctrl+K from the middle of typing in another field.
    await goTo(driver, 'Cities');
    const citySearch = await byTestId(driver, 'city-search');
    await press(driver, citySearch);
    await citySearch.sendKeys('Por');
    await citySearch.sendKeys(Key.CONTROL, 'k');
    const input = await byTestId(driver, 'palette-input', 10000);
    assert.ok(await paletteOpen(driver), 'Ctrl+K did not open search everywhere');
    assert.equal(await citySearch.getAttribute('value'), 'Por', 'the field got the keys');

    // Words that make no sense find nothing, or something, and never an error.
    for (const nonsense of ['"((!?', '"unbalanced', 'x'.repeat(10_000)]) {
      await paste(driver, input, nonsense);
      await settled(driver);
      const msg = await driver.wait(async () => {
        const hits = await driver.findElements(By.css('[data-testid="palette-hit"]'));
        const m = await driver.findElements(By.css('[data-testid="palette-message"]'));
        const said = m.length > 0 ? await m[0].getText() : '';
        return hits.length > 0 || said === 'No matches' ? said || 'hits' : false;
      }, 15000, `no answer for ${nonsense.slice(0, 20)}`);
      assert.ok(msg === 'No matches' || msg === 'hits', msg);
      assert.equal((await driver.findElements(By.css('[data-testid="palette-message"].alert'))).length, 0);
    }

    // Escape closes it and gives the focus back to the field.
    await input.sendKeys(Key.ESCAPE);
    await driver.wait(async () => !(await paletteOpen(driver)), 5000, 'Escape did not close the palette');
    assert.equal(await driver.executeScript('return document.activeElement.id;'), 'city-search');

    // Found by its title, reached by the arrow keys, opened with Enter.
    await citySearch.sendKeys(Key.CONTROL, 'k');
    const again = await byTestId(driver, 'palette-input', 10000);
    await type(again, 'bicycle library');
    await settled(driver);
    const target = await driver.wait(
      until.elementLocated(By.css(`[data-testid="palette-hit"][data-kind="best_practice"][data-id="${practiceId}"]`)),
      15000,
      'the practice is not among the hits',
    );
    const order = await driver.findElements(By.css('[data-testid="palette-hit"]'));
    const ids = await Promise.all(order.map((h) => h.getAttribute('data-id')));
    const at = ids.indexOf(practiceId);
    assert.ok(at >= 0);
    assert.match(await target.getText(), /Bicycle/);
    for (let i = 0; i < at; i += 1) await again.sendKeys(Key.ARROW_DOWN);
    assert.equal(await target.getAttribute('aria-selected'), 'true');
    await again.sendKeys(Key.ENTER);
    const opened = await byTestId(driver, 'practice-page', 15000);
    assert.equal(await opened.getAttribute('data-practice-id'), practiceId);
    assert.ok(!(await paletteOpen(driver)), 'the palette stayed open');
    assert.match(await driver.executeScript('return location.hash;'), new RegExp(`^#/best-practices/${practiceId}$`));
    await quit(driver);

    // After a restart: reviewed, tagged, and among the reviewed practices (the sample has others).
    driver = await launch(dir);
    await goTo(driver, 'Best practices');
    await press(driver, await driver.wait(until.elementLocated(By.css('[data-testid="facet-statuses"] [data-value="reviewed"] input')), 15000));
    await type(await byTestId(driver, 'library-search'), 'zephyrine');
    await waitText(driver, 'library-total', /^1 practice$/, 'the practice is not among the reviewed ones');
    const kept = await hitOf(driver, TITLE);
    assert.match(await kept.getText(), /school streets/);
    await press(driver, await kept.findElement(By.css('[data-testid="library-hit-link"]')));
    await waitText(driver, 'practice-reviewed-line', new RegExp(`^Reviewed by ${name} on `), 'the review was not kept');
    await sleep(200);
    await quit(driver);
    driver = null;
  } finally {
    // A failed test still closes its window, so the next can open one.
    if (driver) await quit(driver).catch(() => {});
    cleanup(dir);
  }
});
