// The coordinator's set-up in the real window: candidatures imported from the online form's
// CSV, the suggested selection confirmed, the suggested pairs accepted, all there after a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  By, Key, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type,
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

test('on the pairing board a pair is forbidden from the keyboard, the suggestion avoids it, and the board keeps it after a restart; a cluster manager chosen stays chosen', async () => {
  const dir = newDataDir();
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    let driver = await launch(dir);
    await goTo(driver, 'Pairings');
    await press(driver, await byTestId(driver, 'suggest-pairings'));
    await waitCount(driver, 'proposed-pair', 7);
    const proposedCell = await driver.findElement(By.css('[data-testid="matrix-cell"][data-proposed="true"][data-accepted="false"]'));
    const eu = await proposedCell.getAttribute('data-eu');
    const partner = await proposedCell.getAttribute('data-partner');
    // From the first cell, with the arrow keys, as a person without a mouse would.
    const first = await driver.findElement(By.css('[data-testid="matrix-cell"][data-row="0"][data-col="0"]'));
    await driver.executeScript('arguments[0].focus();', first);
    const [row, col] = [await proposedCell.getAttribute('data-row'), await proposedCell.getAttribute('data-col')].map(Number);
    for (let i = 0; i < row; i += 1) await driver.switchTo().activeElement().sendKeys(Key.ARROW_DOWN);
    for (let i = 0; i < col; i += 1) await driver.switchTo().activeElement().sendKeys(Key.ARROW_RIGHT);
    assert.equal(await driver.switchTo().activeElement().getAttribute('data-eu'), eu);
    assert.equal(await driver.switchTo().activeElement().getAttribute('data-partner'), partner);
    await driver.switchTo().activeElement().sendKeys('f');
    await waitText(driver, 'constraint-summary', /1 forbidden/);
    const cell = By.css(`[data-testid="matrix-cell"][data-eu="${eu}"][data-partner="${partner}"]`);
    await driver.wait(
      async () => (await driver.findElement(cell).getAttribute('data-proposed')) !== 'true',
      15000,
      'the forbidden pair is still proposed',
    );
    assert.equal(await driver.findElement(cell).getAttribute('data-forbidden'), 'true');

    await goTo(driver, 'Clusters');
    const manager = await byId(driver, 'cluster-manager-air_quality');
    await manager.findElement(By.xpath(".//option[contains(., 'Eleni Georgiou')]")).click();
    const card = await driver.findElement(By.css('[data-testid="cluster"][data-theme="air_quality"]'));
    await driver.wait(
      async () => /Saved/.test(await card.findElement(By.css('[data-testid="cluster-save-state"]')).getText()),
      10000,
      'the cluster manager was not saved',
    );
    await quit(driver);

    driver = await launch(dir);
    await goTo(driver, 'Pairings');
    await waitText(driver, 'constraint-summary', /1 forbidden/);
    await driver.wait(async () => (await driver.findElement(cell).getAttribute('data-forbidden')) === 'true', 10000);
    await goTo(driver, 'Clusters');
    const again = await byId(driver, 'cluster-manager-air_quality');
    await driver.wait(
      async () => /Eleni Georgiou/.test(await again.findElement(By.css('option:checked')).getText()),
      10000,
      'the cluster manager was not kept',
    );
    await quit(driver);
  } finally {
    cleanup(dir);
  }
});

test('a person is added to the directory from the keyboard, a bad e-mail is shown beside its field, and the person is there after a restart', async () => {
  const dir = newDataDir();
  try {
    let driver = await launch(dir);
    await goTo(driver, 'Directory');
    await press(driver, await byTestId(driver, 'new-person'));
    await type(await byId(driver, 'person-name'), 'Nomvula Khumalo');
    await type(await byId(driver, 'person-role'), 'Pairing manager');
    await type(await byId(driver, 'person-email'), 'nomvula.example.org');
    await type(await byId(driver, 'person-languages'), 'English, isiZulu');
    await driver.switchTo().activeElement().sendKeys(Key.CONTROL, 's');
    const error = await byId(driver, 'error-person-email');
    assert.match(await error.getText(), /e-mail/i);
    assert.equal(await count(driver, 'person-row'), 0, 'nothing saved');
    await type(await byId(driver, 'person-email'), 'nomvula@example.org');
    await driver.switchTo().activeElement().sendKeys(Key.CONTROL, 's');
    await waitCount(driver, 'person-row', 1);
    await quit(driver);

    driver = await launch(dir);
    await goTo(driver, 'Directory');
    await waitCount(driver, 'person-row', 1);
    const row = await (await byTestId(driver, 'person-row')).getText();
    assert.match(row, /Nomvula Khumalo/);
    assert.match(row, /nomvula@example\.org/);
    assert.match(row, /isiZulu/);
    await quit(driver);
  } finally {
    cleanup(dir);
  }
});
