// The coordinator's set-up in the real window: candidatures imported from the online form's
// CSV, the suggested selection confirmed, the suggested pairs accepted, all there after a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  By, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, startDriver, stopDriver, type,
} from './support/app.mjs';

// The native open dialog is outside the web view; the shell takes this file instead.
const csv = fileURLToPath(new URL('../fixtures/candidatures-scored.csv', import.meta.url));

before(() => startDriver({ ICP_DESK_TEST_IMPORT_FILE: csv }));
after(stopDriver);

async function count(driver, testId) {
  return (await driver.findElements(By.css(`[data-testid="${testId}"]`))).length;
}

async function waitCount(driver, testId, n) {
  await driver.wait(async () => (await count(driver, testId)) === n, 15000, `expected ${n} × ${testId}`);
}

async function waitText(driver, testId, pattern) {
  const el = await byTestId(driver, testId, 15000);
  await driver.wait(async () => pattern.test(await el.getText()), 15000, `${testId} never matched ${pattern}`);
  return el.getText();
}

async function tally(driver, group) {
  return (await driver.findElement(By.css(`[data-testid="group-tally"][data-group="${group}"]`))).getText();
}

test('40 candidatures imported, the suggested selection confirmed, the suggested pairs accepted, and all of it there after a restart', async () => {
  const dir = newDataDir();
  try {
    let driver = await launch(dir);
    await goTo(driver, 'Selection');

    // Import: the file's columns are recognised; the scores in it need their reviewer's name.
    await press(driver, await byTestId(driver, 'import-candidatures'));
    const mapping = await byTestId(driver, 'import-mapping');
    assert.match(await mapping.getText(), /candidatures-scored\.csv/);
    assert.match(await mapping.getText(), /40/);
    await press(driver, await byTestId(driver, 'import-confirm'));
    const refused = await driver.wait(
      async () => {
        const text = await mapping.getText();
        return /who gave the file's scores/.test(text) ? text : null;
      },
      15000,
      'importing scores without a reviewer was not refused',
    );
    assert.ok(refused);
    assert.equal(await count(driver, 'candidature-row'), 0, 'nothing half-imported');
    await type(await byId(driver, 'import-reviewer'), 'Selection committee');
    await press(driver, await byTestId(driver, 'import-confirm'));
    await waitText(driver, 'import-result', /40 candidatures/);
    await waitCount(driver, 'candidature-row', 40);

    // The suggestion fills every quota; one more city breaks a quota the moment it is ticked.
    await press(driver, await byTestId(driver, 'suggest-selection'));
    await driver.wait(async () => /14\s*\/\s*14/.test(await tally(driver, 'eu')), 15000, 'the EU counter never showed 14 / 14');
    // A city the suggestion left out because its group's seats went to higher scores.
    const spare = await driver.findElement(
      By.xpath("//*[@data-testid='candidature-row'][contains(., 'went to higher scores')][1]"),
    );
    const spareBox = await spare.findElement(By.css('input[type="checkbox"]'));
    assert.equal(await spareBox.isSelected(), false);
    await spareBox.sendKeys(' ');
    await driver.wait(
      async () => {
        const all = await driver.findElements(By.css('[data-testid="group-tally"]'));
        for (const g of all) if (/quota is|one city a country/.test(await g.getText())) return true;
        return false;
      },
      10000,
      'ticking a city over the quota showed no violation',
    );
    await press(driver, await byTestId(driver, 'confirm-selection'));
    await waitText(driver, 'selection-refusal', /quota is|one city a country/);
    assert.equal(await (await byTestId(driver, 'selection-result')).getText(), '', 'a broken quota was confirmed');
    assert.equal(await count(driver, 'selection-decision'), 0, 'no decision was recorded');
    await spareBox.sendKeys(' ');
    await type(await byId(driver, 'selection-note'), 'Committee meeting');
    await press(driver, await byTestId(driver, 'confirm-selection'));
    await waitText(driver, 'selection-result', /28/);

    // Pairing: the suggestion, each pair with its score, accepted in one go.
    await goTo(driver, 'Pairings');
    await press(driver, await byTestId(driver, 'suggest-pairings'));
    await byTestId(driver, 'pairing-matrix', 15000);
    await waitCount(driver, 'proposed-pair', 14);
    await press(driver, await byTestId(driver, 'accept-all-pairs'));
    await waitCount(driver, 'pairing-row', 14);
    await quit(driver);

    driver = await launch(dir);
    await goTo(driver, 'Selection');
    await waitCount(driver, 'candidature-row', 40);
    await waitText(driver, 'selection-decision', /28/);
    assert.match(await driver.findElement(By.css('[data-testid="selection-decision"]')).getText(), /Committee meeting/);
    await goTo(driver, 'Pairings');
    await waitCount(driver, 'pairing-row', 14);
    await goTo(driver, 'Cities');
    await waitCount(driver, 'city-row', 28);
    await quit(driver);
  } finally {
    cleanup(dir);
  }
});
