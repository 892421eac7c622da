// The native save dialog itself, as a person meets it: the other export tests name a folder
// through a test-only setting, this one types into the real GTK dialog (with xdotool, since the
// dialog is outside the web view).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  By, appEnv, byTestId, cleanup, goTo, launch, newDataDir, quit, runCli, startDriver, stopDriver,
} from './support/app.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'icp-desk-e2e-dialog-'));

before(() => startDriver());
after(async () => {
  await stopDriver();
  rmSync(outDir, { recursive: true, force: true });
});

function xdotool(...args) {
  return execFileSync('xdotool', args, { env: appEnv(), encoding: 'utf8' });
}

/** Waits for a window whose title is `title` (the dialog opens asynchronously). */
async function dialogNamed(title) {
  for (let i = 0; i < 100; i++) {
    try {
      const id = xdotool('search', '--onlyvisible', '--name', `^${title}$`).trim().split('\n')[0];
      if (id) return id;
    } catch {
      // xdotool exits 1 while no window matches.
    }
    await sleep(100);
  }
  throw new Error(`no dialog titled '${title}' appeared`);
}

async function openSampleVisit(dir) {
  const loaded = await runCli(['sample-data'], dir);
  assert.equal(loaded.code, 0, loaded.err);
  const driver = await launch(dir);
  await goTo(driver, 'Study visits');
  await (await (await byTestId(driver, 'visit-row')).findElement(By.css('button'))).click();
  await byTestId(driver, 'visit-builder');
  return driver;
}

async function clickExport(driver, testId) {
  const button = await byTestId(driver, testId);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" }); arguments[0].click();', button);
}

async function result(driver) {
  const el = await byTestId(driver, 'export-result');
  await driver.wait(async () => (await el.getText()).length > 0, 20000, 'no export result');
  return el.getText();
}

test('the save dialog offers a name, saves where the person says, and the window stays usable', async () => {
  const dir = newDataDir();
  try {
    const driver = await openSampleVisit(dir);
    await clickExport(driver, 'export-calendar');
    const dialog = await dialogNamed("Save the visit's calendar");
    xdotool('windowfocus', dialog);
    // The name field starts with the suggested name, selected.
    const target = join(outDir, 'chosen by hand.ics');
    xdotool('key', '--clearmodifiers', 'ctrl+a');
    xdotool('type', '--delay', '10', target);
    xdotool('key', 'Return');
    assert.equal(await result(driver), `Saved to ${target}`);
    assert.match(readFileSync(target, 'utf8'), /^BEGIN:VCALENDAR\r\n/);

    // Cancelling writes nothing and says so; the window still answers afterwards.
    await clickExport(driver, 'export-itinerary');
    const second = await dialogNamed('Save the itinerary');
    xdotool('windowfocus', second);
    xdotool('key', 'Escape');
    await driver.wait(async () => (await (await byTestId(driver, 'export-result')).getText()) === 'Export cancelled.', 20000);
    assert.deepEqual(readdirSync(outDir), ['chosen by hand.ics']);
    await goTo(driver, 'Cities');
    await byTestId(driver, 'city-row');
    await quit(driver);
    assert.ok(existsSync(target));
  } finally {
    cleanup(dir);
  }
});
