// Study visits, built day by day in the real window and printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  By, until, byId, byTestId, cleanup, goTo, launch, newDataDir, quit, runCli, startDriver, stopDriver, type,
} from './support/app.mjs';

// The native save dialog is outside the web view; the app writes into the folder this
// test-only setting names instead, under the name the dialog would have suggested.
const outDir = mkdtempSync(join(tmpdir(), 'icp-desk-e2e-out-'));
const pdf = join(outDir, 'Three days in Porto - itinerary.pdf');
const ics = join(outDir, 'Three days in Porto - calendar.ics');

before(() => startDriver({ ICP_DESK_TEST_EXPORT_DIR: outDir }));
after(async () => {
  await stopDriver();
  rmSync(outDir, { recursive: true, force: true });
});

const squeeze = (s) => s.replace(/\s+/g, '');

async function column(driver, date) {
  return driver.findElement(By.css(`[data-testid="day-column"][data-date="${date}"]`));
}

async function waitSaved(driver) {
  const state = await byTestId(driver, 'save-state');
  await driver.wait(async () => /^Saved/.test(await state.getText()), 10000, 'the visit was not saved');
}

test('a three-day visit is built, a session moves to another day, and the printed itinerary and the calendar say so', async () => {
  const dir = newDataDir();
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    const driver = await launch(dir);
    await goTo(driver, 'Study visits');
    await (await byTestId(driver, 'new-visit')).click();
    await type(await byId(driver, 'visit-title'), 'Three days in Porto');
    await (await byId(driver, 'visit-host')).findElement(By.xpath(".//option[normalize-space(.)='Porto']")).click();
    await driver.findElement(By.xpath("//fieldset[@id='visit-delegation']//label[contains(., 'Gwangju')]//input")).click();
    // WebKit's date field takes no typed text through WebDriver; set it as the picker would.
    await driver.executeScript(
      "const e = document.getElementById('visit-start'); e.value = '2022-10-10'; e.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    await type(await byId(driver, 'visit-days'), '3');
    await (await byTestId(driver, 'create-visit')).click();

    await byTestId(driver, 'visit-builder');
    await driver.wait(async () => (await driver.findElements(By.css('[data-testid="day-column"]'))).length === 3, 10000);

    const first = await column(driver, '2022-10-10');
    await (await first.findElement(By.css('[data-testid="add-session"]'))).click();
    await byTestId(driver, 'session-editor');
    await type(await byId(driver, 'session-title'), 'Roundtable on 광주 and Łódź');
    // Move it to the second day with the editor's Day field.
    await (await byId(driver, 'session-date')).findElement(By.css('option[value="2022-10-11"]')).click();
    await waitSaved(driver);

    const second = await column(driver, '2022-10-11');
    await driver.wait(
      async () => (await second.findElements(By.css('[data-testid="session-card"]'))).length === 1,
      10000,
      'the session did not move to the second day',
    );
    assert.equal((await first.findElements(By.css('[data-testid="session-card"]'))).length, 0);

    await (await byTestId(driver, 'export-itinerary')).click();
    const result = await byTestId(driver, 'export-result');
    await driver.wait(async () => /Saved to .*itinerary\.pdf/.test(await result.getText()), 20000, 'no export result');
    await (await byTestId(driver, 'export-calendar')).click();
    await driver.wait(
      async () => /Saved to .*calendar\.ics/.test(await (await byTestId(driver, 'export-result')).getText()),
      20000,
      'no calendar export result',
    );
    await quit(driver);

    // A new session starts at 09:00 Porto time; Porto keeps summer time (UTC+1) until the
    // end of October, so the calendar holds 08:00 UTC, on the day the session moved to.
    assert.ok(existsSync(ics), 'the calendar file was written');
    const calendar = readFileSync(ics, 'utf8').replace(/\r\n /g, '');
    const events = calendar.split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 1, calendar);
    assert.match(events[0], /\r\nSUMMARY:Plenary — Roundtable on 광주 and Łódź\r\n/);
    assert.match(events[0], /\r\nDTSTART:20221011T080000Z\r\n/);
    assert.match(events[0], /\r\nDTEND:20221011T090000Z\r\n/);

    assert.ok(existsSync(pdf), 'the itinerary file was written');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const day2 = squeeze(text).split('Day2—')[1]?.split('Day3—')[0] ?? '';
    assert.ok(day2.includes(squeeze('Roundtable on 광주 and Łódź')), `not under day 2:\n${text}`);
    assert.ok(squeeze(text).includes('ThreedaysinPorto'));
  } finally {
    cleanup(dir);
  }
});
