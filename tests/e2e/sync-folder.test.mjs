// Two desktops open side by side, sharing one sync folder: both edit the same plan, one field
// each and one field both; after sync both show both edits and one conflict, and settling it on
// one side settles it on the other, in the plan the other has open.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  By, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, secondPort, startDriver, stopDriver, type,
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

test('a plan both desktops edited through a shared sync folder keeps both edits and settles its conflict everywhere', async () => {
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
  } finally {
    if (ana) await quit(ana);
    if (ben) await quit(ben);
    cleanup(a);
    cleanup(b);
  }
});
