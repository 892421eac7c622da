// A series of meetings in the real window: created from its rule, exported, seen on the
// dashboard; one of its meetings evaluated and its minutes printed with the evaluation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  By, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type, until,
} from './support/app.mjs';

// The native save dialog is outside the web view; the app writes into this folder instead,
// under the name the dialog would have suggested.
const outDir = mkdtempSync(join(tmpdir(), 'icp-desk-e2e-series-'));
const TITLE = 'Working meeting of the pairing managers';

before(() => startDriver({ ICP_DESK_TEST_EXPORT_DIR: outDir }));
after(async () => {
  await stopDriver();
  rmSync(outDir, { recursive: true, force: true });
});

/** Sets a date, time or number field as its picker would: WebKit's takes no typed text here. */
async function pick(driver, id, value) {
  await driver.executeScript(
    "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));",
    id,
    value,
  );
}

async function waitCount(driver, testId, n) {
  await driver.wait(
    async () => (await driver.findElements(By.css(`[data-testid="${testId}"]`))).length === n,
    15000,
    `expected ${n} × ${testId}`,
  );
}

async function waitFile(path) {
  for (let i = 0; i < 100 && !existsSync(path); i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok(existsSync(path), `${path} was not written`);
}

test('a monthly series made in the window gives six meetings across the clock change, exports them, shows them on the dashboard, and an evaluation of one prints with its minutes', async () => {
  const dir = newDataDir();
  let driver;
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    driver = await launch(dir);
    await goTo(driver, 'Meetings');
    await press(driver, await byTestId(driver, 'new-series'));
    await type(await byId(driver, 'series-title'), TITLE);
    await pick(driver, 'series-from', '2027-01-01');
    await pick(driver, 'series-time', '16:00');
    await type(await byId(driver, 'series-zone'), 'Europe/Berlin');
    await pick(driver, 'series-count', '6');
    // The preview lists the meetings before anything is saved, and warns of Berlin's change.
    await waitCount(driver, 'occurrence-row', 6);
    const warning = await byTestId(driver, 'series-warning', 10000);
    assert.match(await warning.getText(), /Berlin.*28 Mar 2027/s);
    await press(driver, await byTestId(driver, 'save-series'));
    await driver.wait(
      async () => (await driver.findElements(By.css('[data-testid="open-occurrence"]'))).length === 6,
      15000,
      'the series was not saved with its six meetings',
    );
    // A skipped date: five meetings once saved again.
    const rows = await driver.findElements(By.css('[data-testid="occurrence-row"]'));
    await press(driver, await rows[5].findElement(By.css('[data-testid="skip-occurrence"]')));
    await waitCount(driver, 'occurrence-row', 5);
    await press(driver, await byTestId(driver, 'save-series'));
    await driver.wait(
      async () => (await driver.findElements(By.css('[data-testid="open-occurrence"]'))).length === 5,
      15000,
      'the skip was not saved',
    );

    await press(driver, await byTestId(driver, 'export-series-ics'));
    const ics = join(outDir, `${TITLE} - calendar.ics`);
    await waitFile(ics);
    const text = readFileSync(ics, 'utf8');
    assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 5, text);
    // 16:00 in Berlin: 15:00 UTC in winter, 14:00 UTC in summer.
    assert.match(text, /DTSTART:20270112T150000Z/);
    assert.match(text, /DTSTART:20270413T140000Z/);

    await goTo(driver, 'Dashboard');
    await driver.wait(
      async () => {
        const upcoming = await driver.findElements(By.css('[data-testid="upcoming-meeting"]'));
        if (upcoming.length !== 5) return false;
        return (await upcoming[0].getText()).includes(TITLE);
      },
      15000,
      'the dashboard does not list the series’ five meetings',
    );
    assert.match(await (await byTestId(driver, 'upcoming-meeting')).getText(), /15:00/, 'on the viewer’s clock (UTC here)');

    // The first meeting: an evaluation recorded, then its minutes printed.
    await goTo(driver, 'Meetings');
    const series = await driver.wait(
      until.elementLocated(By.xpath(`//*[@data-testid='series-row'][contains(., '${TITLE}')]`)),
      10000,
    );
    await press(driver, await series.findElement(By.css('button')));
    await press(driver, (await driver.wait(until.elementsLocated(By.css('[data-testid="open-occurrence"]')), 10000))[0]);
    await byTestId(driver, 'evaluation-panel', 15000);
    // The radio is drawn by its label; a click on the label is a click on it.
    await driver.executeScript('arguments[0].click()', await byTestId(driver, 'rating-overall-5'));
    await type(await byTestId(driver, 'evaluation-comment'), '<script>alert(1)</script> Useful exchange');
    await press(driver, await byTestId(driver, 'save-evaluation'));
    await driver.wait(
      async () => /1 response/.test(await (await byTestId(driver, 'evaluation-responses')).getText()),
      10000,
      'the evaluation was not counted',
    );
    const means = await driver.findElements(By.css('[data-testid="evaluation-question-mean"]'));
    const meanTexts = await Promise.all(means.map((m) => m.getText()));
    assert.ok(meanTexts.some((t) => /5\.0/.test(t)), meanTexts.join(' | '));
    const comment = await byTestId(driver, 'evaluation-summary-comment');
    assert.match(await comment.getText(), /<script>alert\(1\)<\/script> Useful exchange/);
    await quit(driver);

    // After a restart the evaluation is there, and the minutes print it.
    driver = await launch(dir);
    await goTo(driver, 'Meetings');
    const again = await driver.wait(
      until.elementLocated(By.xpath(`//*[@data-testid='series-row'][contains(., '${TITLE}')]`)),
      10000,
    );
    await press(driver, await again.findElement(By.css('button')));
    await press(driver, (await driver.wait(until.elementsLocated(By.css('[data-testid="open-occurrence"]')), 10000))[0]);
    await driver.wait(
      async () => /1 response/.test(await (await byTestId(driver, 'evaluation-responses', 15000)).getText()),
      10000,
      'the evaluation was not kept',
    );
    await press(driver, await byTestId(driver, 'export-minutes'));
    const pdf = join(outDir, `${TITLE} - minutes.pdf`);
    await waitFile(pdf);
    const minutes = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const squeezed = minutes.replace(/\s+/g, '');
    for (const expected of [TITLE, 'Evaluation', '5.0 / 5', '<script>alert(1)</script> Useful exchange']) {
      assert.ok(squeezed.includes(expected.replace(/\s+/g, '')), `${expected} not in:\n${minutes}`);
    }
    await quit(driver);
    driver = null;
  } finally {
    if (driver) await quit(driver).catch(() => {});
    cleanup(dir);
  }
});
