// Meetings in the real window: planned on one clock, read on every participating city's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  By, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type,
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
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    let driver = await launch(dir);
    await goTo(driver, 'Meetings');
    await press(driver, await byTestId(driver, 'new-meeting'));
    await type(await byId(driver, 'meeting-title'), 'Energy transition cluster meeting');
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
    const row = await byTestId(driver, 'meeting-row');
    assert.match(await row.getText(), /Energy transition cluster meeting/);
    await press(driver, await row.findElement(By.css('button')));
    await byTestId(driver, 'meeting-local-times', 15000);
    assert.match(await localTimeOf(driver, 'Incheon'), /\+1 day/);
    await quit(driver);
  } finally {
    cleanup(dir);
  }
});
