// Meetings in the real window: planned on one clock, read on every participating city's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  By, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type, until,
} from './support/app.mjs';

before(startDriver);
after(stopDriver);

/** Sets a date or time field as its picker would: WebKit's takes no typed text through WebDriver. */
async function pick(driver, id, value) {
  await driver.executeScript(
    "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));",
    id,
    value,
  );
}

/** The list's row of the meeting with this title (the sample programme has meetings of its own). */
async function rowOf(driver, title) {
  return driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid='meeting-row'][contains(., '${title}')]`)),
    10000,
    `no meeting row for ${title}`,
  );
}

async function localTimeOf(driver, city) {
  const rows = await driver.findElements(By.css('[data-testid="local-time-row"]'));
  for (const row of rows) {
    const text = await row.getText();
    if (text.includes(city)) return text;
  }
  throw new Error(`no local time for ${city}`);
}

test('a cluster meeting planned at 17:00 in Berlin is shown the next day in Incheon, and is there after a restart', async () => {
  const dir = newDataDir();
  let driver;
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    driver = await launch(dir);
    await goTo(driver, 'Meetings');
    await press(driver, await byTestId(driver, 'new-meeting'));
    await type(await byId(driver, 'meeting-title'), 'Energy transition: heat pumps in old housing');
    await (await byId(driver, 'meeting-kind')).findElement(By.css('option[value="cluster_meeting"]')).click();
    await (await byId(driver, 'meeting-belongs-to'))
      .findElement(By.xpath(".//option[contains(., 'Energy transition')]"))
      .click();
    await pick(driver, 'meeting-date', '2022-10-27');
    await pick(driver, 'meeting-time', '17:00');
    await pick(driver, 'meeting-end', '18:30');
    await type(await byId(driver, 'meeting-zone'), 'Europe/Berlin');
    await type(await byId(driver, 'meeting-link'), 'javascript:alert(1)');
    await press(driver, await byTestId(driver, 'save-meeting'));
    const linkError = await byId(driver, 'error-online_link');
    assert.match(await linkError.getText(), /link/i);
    assert.equal(await driver.findElements(By.css('[data-testid="meeting-local-times"]')).then((l) => l.length), 0);
    await type(await byId(driver, 'meeting-link'), 'https://meet.example.org/energy');
    await press(driver, await byTestId(driver, 'save-meeting'));
    await byTestId(driver, 'meeting-local-times', 15000);
    assert.match(await localTimeOf(driver, 'Incheon'), /00:00.*\+1 day/s);
    assert.match(await localTimeOf(driver, 'Berlin'), /17:00/);
    await quit(driver);

    driver = await launch(dir);
    await goTo(driver, 'Meetings');
    const row = await rowOf(driver, 'Energy transition: heat pumps in old housing');
    assert.match(await row.getText(), /Cluster meeting/);
    await press(driver, await row.findElement(By.css('button')));
    await byTestId(driver, 'meeting-local-times', 15000);
    assert.match(await localTimeOf(driver, 'Incheon'), /\+1 day/);
    await quit(driver);
    driver = null;
  } finally {
    // A failed test still closes its window, so the next can open one.
    if (driver) await quit(driver).catch(() => {});
    cleanup(dir);
  }
});

test('a best practice typed in the capture panel survives the app being killed a second and a half after the last keystroke', async () => {
  const dir = newDataDir();
  let driver;
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    driver = await launch(dir);
    await goTo(driver, 'Meetings');
    await press(driver, await byTestId(driver, 'new-meeting'));
    await type(await byId(driver, 'meeting-title'), 'Circular economy: repair and reuse');
    await pick(driver, 'meeting-date', '2022-06-08');
    await pick(driver, 'meeting-time', '10:00');
    await pick(driver, 'meeting-end', '11:30');
    await type(await byId(driver, 'meeting-zone'), 'Europe/Lisbon');
    await press(driver, await byTestId(driver, 'save-meeting'));
    await byTestId(driver, 'capture-panel', 15000);

    await type(await byId(driver, 'capture-title'), 'Repair cafés in every district');
    await (await byId(driver, 'capture-city')).findElement(By.xpath(".//option[normalize-space(.)='Porto']")).click();
    const summary = 'Volunteers fix appliances twice a month; 4 t of waste avoided in 2021, ł and 광주 too';
    await type(await byId(driver, 'capture-summary'), summary);
    await sleep(1500);
    // As if the laptop's battery died: no window close, no flush, no goodbye.
    execFileSync('pkill', ['-KILL', '-f', `icp-desk --data-dir ${dir}`]);
    await driver.quit().catch(() => {});
    await sleep(500);

    driver = await launch(dir);
    await goTo(driver, 'Meetings');
    const row = await rowOf(driver, 'Circular economy: repair and reuse');
    await press(driver, await row.findElement(By.css('button')));
    const captured = await byTestId(driver, 'captured-practice', 15000);
    const text = await captured.getText();
    assert.match(text, /Repair cafés in every district/);
    assert.ok(text.includes(summary), text);
    assert.match(text, /Porto/);
    await quit(driver);
    driver = null;
  } finally {
    // A failed test still closes its window, so the next can open one.
    if (driver) await quit(driver).catch(() => {});
    cleanup(dir);
  }
});
