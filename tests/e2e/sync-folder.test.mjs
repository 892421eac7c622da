// Two desktops open side by side, sharing one sync folder: both edit the same plan, one field
// each and one field both; after sync both show both edits and one conflict, and settling it on
// one side settles it on the other, in the plan the other has open. A city open with a name
// typed and not saved yet takes a colleague's population, and saving it keeps both.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  By, byId, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, secondPort, startDriver, stopDriver, type,
} from './support/app.mjs';

// What the folder dialog would give both desktops: the folder their sync service shares.
const shared = mkdtempSync(join(tmpdir(), 'icp-desk-e2e-shared-'));
// Passes run every few seconds and bundle this desktop's changes for ten; a minute is plenty.
const SYNCED = 60000;

before(async () => {
  await startDriver({ ICP_DESK_TEST_SYNC_FOLDER: shared });
  await startDriver({ ICP_DESK_TEST_SYNC_FOLDER: shared }, secondPort);
});
after(async () => {
  await stopDriver();
  rmSync(shared, { recursive: true, force: true });
});

async function cli(args, dir) {
  const r = await runCli(args, dir);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
}

async function openPlan(driver) {
  await goTo(driver, 'Cooperation plans');
  await press(driver, await byTestId(driver, 'open-plan', 15000));
  await byTestId(driver, 'plan-editor', 15000);
}

async function waitSaved(driver) {
  const state = await byTestId(driver, 'plan-save-state');
  await driver.wait(async () => /^Saved/.test(await state.getText()), 15000, 'the plan was not saved');
}

async function edit(driver, fields) {
  await openPlan(driver);
  for (const [field, text] of Object.entries(fields)) await type(await byTestId(driver, `plan-${field}`), text);
  await waitSaved(driver);
}

const valueOf = async (driver, field) => (await byTestId(driver, `plan-${field}`)).getAttribute('value');

async function openCity(driver, name) {
  await goTo(driver, 'Cities');
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="city-row"]'))).length > 0, 15000);
  for (const row of await driver.findElements(By.css('[data-testid="city-row"]'))) {
    if ((await row.getText()).startsWith(name)) {
      await press(driver, await row.findElement(By.css('.name')));
      return byTestId(driver, 'city-form');
    }
  }
  throw new Error(`no city ${name}`);
}

const cityValue = async (driver, id) => (await byId(driver, id)).getAttribute('value');

async function joinSync(driver, person) {
  await goTo(driver, 'Exchange');
  await type(await byTestId(driver, 'exchange-person'), person);
  await press(driver, await byTestId(driver, 'choose-sync-folder'));
  await byTestId(driver, 'sync-folder-path', 15000);
}

/** The conflicts the Exchange area shows, once there are `n`. */
async function conflicts(driver, n) {
  await goTo(driver, 'Exchange');
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid="conflict"]'))).length === n,
    SYNCED,
    `expected ${n} conflict(s)`,
  );
  return driver.findElements(By.css('[data-testid="conflict"]'));
}

test('a plan both desktops edited through a shared sync folder keeps both edits and settles its conflict everywhere; an open city takes a colleague\'s field', async () => {
  const a = newDataDir();
  const b = newDataDir();
  let ana;
  let ben;
  try {
    // Both desktops start from the same plan, as after an earlier exchange.
    await cli(['sample-data'], a);
    const start = join(a, 'start.icpx');
    await cli(['exchange', 'export', start, '--person', 'Ana Silva'], a);
    await cli(['exchange', 'import', start], b);

    ana = await launch(a);
    ben = await launch(b, { driverPort: secondPort });
    await edit(ana, { context: 'Context from Ana', title: 'Title from Ana' });
    await edit(ben, { challenge: 'Challenge from Ben', title: 'Title from Ben' });

    await joinSync(ana, 'Ana Silva');
    await joinSync(ben, 'Ben Okafor');
    assert.match(await (await byTestId(ben, 'sync-indicator')).getText(), /^Syncing with icp-desk-e2e-shared-/);

    // One conflict on each side: the title.
    for (const driver of [ana, ben]) {
      const [conflict] = await conflicts(driver, 1);
      assert.match(await conflict.getText(), /Title/);
    }
    // Each desktop wrote only in its own subfolder.
    assert.equal(readdirSync(shared).length, 2);

    // Both edits on both sides, and the same title shown.
    const titles = [];
    for (const driver of [ana, ben]) {
      await openPlan(driver);
      assert.equal(await valueOf(driver, 'context'), 'Context from Ana');
      assert.equal(await valueOf(driver, 'challenge'), 'Challenge from Ben');
      titles.push(await valueOf(driver, 'title'));
    }
    assert.equal(titles[0], titles[1]);
    assert.ok(['Title from Ana', 'Title from Ben'].includes(titles[0]), titles[0]);

    // Ana keeps the title that lost; Ben, with the plan open, sees it arrive.
    const [conflict] = await conflicts(ana, 1);
    let kept = null;
    for (const value of await conflict.findElements(By.css('[data-testid="conflict-value"]'))) {
      const text = await value.findElement(By.css('[data-testid="conflict-text"]')).getText();
      if (text !== titles[0]) {
        kept = text;
        await press(ana, await value.findElement(By.css('[data-testid="keep-value"]')));
      }
    }
    assert.ok(kept, 'no value other than the one shown');
    await byTestId(ana, 'no-conflicts', 15000);
    await ben.wait(async () => (await valueOf(ben, 'title')) === kept, SYNCED, `Ben's open plan never showed '${kept}'`);
    await goTo(ben, 'Exchange');
    await byTestId(ben, 'no-conflicts', SYNCED);

    // Ana types a city's name and has not saved it when Ben's new population arrives: her form
    // takes the population and keeps her name, so that her save sends nothing of his back.
    await openCity(ana, 'Porto');
    await (await byId(ana, 'city-name')).sendKeys(' (Ana)');
    await openCity(ben, 'Porto');
    await type(await byId(ben, 'city-population'), '232000');
    await press(ben, await byTestId(ben, 'save-city'));
    await ana.wait(async () => (await cityValue(ana, 'city-population')) === '232000', SYNCED, "Ben's population never reached Ana's open city");
    assert.equal(await cityValue(ana, 'city-name'), 'Porto (Ana)');
    await press(ana, await byTestId(ana, 'save-city'));
    await ben.wait(
      async () => {
        await openCity(ben, 'Porto');
        return (await cityValue(ben, 'city-name')) === 'Porto (Ana)';
      },
      SYNCED,
      "Ana's name never reached Ben",
    );
    assert.equal(await cityValue(ben, 'city-population'), '232000');
  } finally {
    if (ana) await quit(ana);
    if (ben) await quit(ben);
    cleanup(a);
    cleanup(b);
  }
});
