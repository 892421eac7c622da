// Cities, as a person uses them in the real window.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  By, until, byId, byTestId, cleanup, goTo, launch, newDataDir, quit, runCli, spawnWindow,
  startDriver, stopDriver, type,
} from './support/app.mjs';

before(startDriver);
after(stopDriver);

async function rowsText(driver) {
  const rows = await driver.findElements(By.css('[data-testid="city-row"]'));
  return Promise.all(rows.map((r) => r.getText()));
}

async function waitForRow(driver, text) {
  await driver.wait(
    async () => (await rowsText(driver)).some((t) => t.includes(text)),
    10000,
    `no city row shows '${text}'`,
  );
}

async function fillCity(driver, { name, country, zone }) {
  await (await byTestId(driver, 'new-city')).click();
  await byTestId(driver, 'city-form');
  await type(await byId(driver, 'city-name'), name);
  if (country) {
    const select = await byId(driver, 'city-country');
    await select.findElement(By.css(`option[value="${country}"]`)).click();
  }
  await type(await byId(driver, 'city-time-zone'), zone);
}

test('a city typed in Hangul is there after the app is closed and started again', async () => {
  const dir = newDataDir();
  try {
    let driver = await launch(dir);
    await goTo(driver, 'Cities');
    await fillCity(driver, { name: '광주', country: 'KR', zone: 'Asia/Seoul' });
    await (await byTestId(driver, 'save-city')).click();
    await waitForRow(driver, '광주');
    await quit(driver);

    driver = await launch(dir);
    await goTo(driver, 'Cities');
    await waitForRow(driver, '광주');
    const row = (await rowsText(driver)).find((t) => t.includes('광주'));
    assert.match(row, /Asia\/Seoul/);
    assert.match(row, /South Korea/);
    await quit(driver);
  } finally {
    cleanup(dir);
  }
});

test('an invalid form shows each error beside its field and saves nothing', async () => {
  const dir = newDataDir();
  try {
    const driver = await launch(dir);
    await goTo(driver, 'Cities');
    await fillCity(driver, { name: '   ', country: null, zone: 'Mars/Olympus' });
    await (await byTestId(driver, 'save-city')).click();

    const nameError = await byId(driver, 'error-name');
    await driver.wait(until.elementIsVisible(nameError), 5000);
    assert.match(await nameError.getText(), /Name is required/);
    assert.match(await (await byId(driver, 'error-time_zone')).getText(), /not a known time zone/);
    assert.match(await (await byId(driver, 'error-country')).getText(), /Country is required/);
    assert.equal(await (await byId(driver, 'city-name')).getAttribute('aria-invalid'), 'true');
    // What was typed stays in the form.
    assert.equal(await (await byId(driver, 'city-time-zone')).getAttribute('value'), 'Mars/Olympus');
    await quit(driver);

    const exported = await runCli(['backup', 'export', `${dir}/check.jsonl`], dir);
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.out, /\b0 records\b/);
  } finally {
    cleanup(dir);
  }
});

test('a second launch on the same data folder neither crashes nor corrupts the first', async () => {
  const dir = newDataDir();
  try {
    const driver = await launch(dir);
    await goTo(driver, 'Cities');
    await fillCity(driver, { name: 'Athens', country: 'GR', zone: 'Europe/Athens' });
    await (await byTestId(driver, 'save-city')).click();
    await waitForRow(driver, 'Athens');

    // A second window on the same folder: it must keep running to show its notice, or end
    // cleanly; never die of a signal.
    const second = spawnWindow(dir);
    let stderr = '';
    second.stderr.on('data', (d) => (stderr += d));
    const ended = new Promise((r) => second.on('exit', (code, signal) => r({ code, signal })));
    const outcome = await Promise.race([ended, sleep(6000).then(() => null)]);
    if (outcome) {
      assert.equal(outcome.signal, null, `the second launch died of ${outcome.signal}`);
    } else {
      second.kill('SIGTERM');
      await ended;
    }
    assert.match(stderr, /ICP Desk is already open/);

    // A scripted job on the same folder says so too, and changes nothing.
    const cli = await runCli(['sample-data'], dir);
    assert.equal(cli.code, 1);
    assert.match(cli.err, /ICP Desk is already open/);

    // The first window still saves.
    await fillCity(driver, { name: 'Gwangju', country: 'KR', zone: 'Asia/Seoul' });
    await (await byTestId(driver, 'save-city')).click();
    await waitForRow(driver, 'Gwangju');
    await quit(driver);

    const exported = await runCli(['backup', 'export', `${dir}/check.jsonl`], dir);
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.out, /\b2 records\b/);
  } finally {
    cleanup(dir);
  }
});

test('an empty store offers the sample programme, marked as sample data', async () => {
  const dir = newDataDir();
  try {
    const driver = await launch(dir);
    await (await byTestId(driver, 'load-sample')).click();
    await goTo(driver, 'Cities');
    await waitForRow(driver, '臺中');
    // The sample programme is saved in one transaction: the table never shows part of it.
    const rows = await rowsText(driver);
    assert.equal(rows.length, 14);
    assert.ok(rows.every((t) => /Sample/.test(t)), 'every sample city carries the Sample mark');
    await quit(driver);
  } finally {
    cleanup(dir);
  }
});

test('a store written by a newer ICP Desk is explained in the window and left untouched', async () => {
  const dir = newDataDir();
  try {
    const store = join(dir, 'store');
    mkdirSync(store);
    const marker = join(store, 'icp-desk-store.json');
    writeFileSync(marker, JSON.stringify({ format: 'icp-desk-store', schema_version: 99 }));
    const before = readdirSync(store).sort();

    const driver = await launch(dir, { ready: '[data-testid="fatal-error"]' });
    const notice = await byTestId(driver, 'fatal-error');
    assert.match(await notice.getText(), /newer ICP Desk/);
    await quit(driver);

    assert.deepEqual(readdirSync(store).sort(), before);
    assert.equal(readFileSync(marker, 'utf8'), JSON.stringify({ format: 'icp-desk-store', schema_version: 99 }));
  } finally {
    cleanup(dir);
  }
});
