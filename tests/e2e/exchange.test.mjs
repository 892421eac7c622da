// Two desktops that work apart swap exchange files; a city both renamed is settled in the window.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  By, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type,
} from './support/app.mjs';

before(startDriver);
after(stopDriver);

async function cli(args, dir) {
  const r = await runCli(args, dir);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
  return r;
}

// The name in the city's row: clicking it opens the city's form.
async function cityRow(driver, name) {
  let found = null;
  await driver.wait(
    async () => {
      for (const cell of await driver.findElements(By.css('[data-testid="city-row"] .name'))) {
        if ((await cell.getText()) === name) {
          found = cell;
          return true;
        }
      }
      return false;
    },
    10000,
    `no city row named '${name}'`,
  );
  return found;
}

async function renameCity(dir, from, to) {
  const driver = await launch(dir);
  await goTo(driver, 'Cities');
  await press(driver, await cityRow(driver, from));
  await byTestId(driver, 'city-form');
  await type(await byId(driver, 'city-name'), to);
  await press(driver, await byTestId(driver, 'save-city'));
  await cityRow(driver, to);
  await quit(driver);
}

test('a city renamed on two desktops is a conflict one of them settles', async () => {
  const a = newDataDir();
  const b = newDataDir();
  try {
    await cli(['sample-data'], a);
    const first = join(a, 'first.icpx');
    await cli(['exchange', 'export', first, '--person', 'Ana Silva'], a);
    await cli(['exchange', 'import', first], b);

    await renameCity(a, 'Prato', 'Prato A');
    await renameCity(b, 'Prato', 'Prato B');

    // Both ways, so each desktop holds both renames.
    const fromB = join(b, 'from-b.icpx');
    await cli(['exchange', 'export', fromB, '--person', 'Ben Okafor'], b);
    await cli(['exchange', 'import', fromB], a);
    const fromA = join(a, 'from-a.icpx');
    await cli(['exchange', 'export', fromA, '--person', 'Ana Silva'], a);
    await cli(['exchange', 'import', fromA], b);

    const driver = await launch(b);
    await goTo(driver, 'Exchange');
    const conflict = await byTestId(driver, 'conflict');
    assert.match(await conflict.findElement(By.css('[data-testid="conflict-record"]')).getText(), /^Prato/);
    const values = await conflict.findElements(By.css('[data-testid="conflict-value"]'));
    const seen = {};
    for (const v of values) {
      const text = await v.findElement(By.css('[data-testid="conflict-text"]')).getText();
      seen[text] = await v.findElement(By.css('[data-testid="conflict-who"]')).getText();
    }
    assert.match(seen['Prato A'] ?? '', /^Ana Silva, /);
    assert.match(seen['Prato B'] ?? '', /^This desktop, /);

    const keepB = values[Object.keys(seen).indexOf('Prato B')];
    await press(driver, await keepB.findElement(By.css('[data-testid="keep-value"]')));
    await byTestId(driver, 'no-conflicts');

    await goTo(driver, 'Cities');
    await cityRow(driver, 'Prato B');
    const names = await Promise.all(
      (await driver.findElements(By.css('[data-testid="city-row"] .name'))).map((n) => n.getText()),
    );
    assert.ok(!names.includes('Prato A'), `still a 'Prato A' among ${names.join(', ')}`);
    await quit(driver);
  } finally {
    cleanup(a);
    cleanup(b);
  }
});
