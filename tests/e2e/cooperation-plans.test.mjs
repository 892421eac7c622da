// A cooperation plan drafted in the real window: three actions, issued as version 1, changed,
// compared with its version, printed, and all of it there after a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  By, Key, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type,
} from './support/app.mjs';

// The native save dialog is outside the web view; the app writes into this folder instead.
const outDir = mkdtempSync(join(tmpdir(), 'icp-desk-e2e-plan-'));
const TITLE = 'Reuse and repair in Porto and eThekwini';
const ACTIONS = ['Repair cafés in Porto', '재사용 센터 pilot in eThekwini', 'Swap shops at markets'];

before(() => startDriver({ ICP_DESK_TEST_EXPORT_DIR: outDir }));
after(async () => {
  await stopDriver();
  rmSync(outDir, { recursive: true, force: true });
});

/** Sets a month field as its picker would: WebKit's takes no typed text here. */
async function pick(driver, element, value) {
  await driver.executeScript(
    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true })); arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
    element,
    value,
  );
}

async function all(driver, testId, n) {
  await driver.wait(
    async () => (await driver.findElements(By.css(`[data-testid="${testId}"]`))).length === n,
    15000,
    `expected ${n} × ${testId}`,
  );
  return driver.findElements(By.css(`[data-testid="${testId}"]`));
}

async function waitSaved(driver) {
  const state = await byTestId(driver, 'plan-save-state');
  await driver.wait(async () => /^Saved/.test(await state.getText()), 15000, 'the plan was not saved');
}

async function values(driver, testId) {
  const inputs = await driver.findElements(By.css(`[data-testid="${testId}"]`));
  return Promise.all(inputs.map((i) => i.getAttribute('value')));
}

test('a plan with three actions is issued as version 1, changed, compared, printed, and is all there after a restart', async () => {
  const dir = newDataDir();
  let driver;
  try {
    const loaded = await runCli(['sample-data'], dir);
    assert.equal(loaded.code, 0, loaded.err);
    driver = await launch(dir);
    // The sample pair has a plan of its own: it goes, and the pair starts a new one.
    await goTo(driver, 'Cooperation plans');
    await press(driver, await byTestId(driver, 'open-plan', 15000));
    await press(driver, await byTestId(driver, 'delete-plan', 15000));
    await press(driver, await byTestId(driver, 'confirm-delete'));
    await press(driver, await byTestId(driver, 'start-plan', 15000));

    await type(await byTestId(driver, 'plan-title', 15000), TITLE);
    await type(await byTestId(driver, 'plan-context'), 'Both cities send most of their waste to landfill.');
    await press(driver, await byTestId(driver, 'add-objective'));
    await type((await all(driver, 'objective-text', 1))[0], 'Keep goods in use longer');
    for (let i = 0; i < ACTIONS.length; i += 1) {
      await press(driver, await byTestId(driver, 'add-action'));
      const card = (await all(driver, 'plan-action', i + 1))[i];
      await type(await card.findElement(By.css('[data-testid="action-title"]')), ACTIONS[i]);
      await pick(driver, await card.findElement(By.css('[data-testid="action-start"]')), `2022-0${i + 5}`);
      await pick(driver, await card.findElement(By.css('[data-testid="action-end"]')), '2023-02');
    }
    await waitSaved(driver);
    const bars = await all(driver, 'timeline-bar', 3);

    // The completeness list jumps to what is missing: the first action has no lead yet.
    const gap = await driver.findElement(By.css('[data-testid="plan-gap"][data-code="action_lead"]'));
    await press(driver, gap);
    await driver.wait(
      async () => (await driver.switchTo().activeElement().getAttribute('id')) === 'plan-actions-0-lead',
      5000,
      'the gap did not jump to the first action’s lead',
    );

    // On the timeline, → moves the first action a month later, keeping its length.
    await driver.executeScript('arguments[0].focus();', bars[0]);
    await driver.switchTo().activeElement().sendKeys(Key.ARROW_RIGHT);
    const firstCard = (await all(driver, 'plan-action', 3))[0];
    await driver.wait(
      async () => (await firstCard.findElement(By.css('[data-testid="action-start"]')).getAttribute('value')) === '2022-06',
      5000,
      'the bar did not move the action’s first month',
    );
    assert.equal(await firstCard.findElement(By.css('[data-testid="action-end"]')).getAttribute('value'), '2023-03');
    await waitSaved(driver);

    await press(driver, await byTestId(driver, 'issue-version'));
    await driver.wait(
      async () => /Version 1 issued/.test(await (await byTestId(driver, 'issue-status')).getText()),
      15000,
      'version 1 was not issued',
    );
    await all(driver, 'plan-version', 1);

    const second = (await all(driver, 'action-title', 3))[1];
    await type(second, 'Reuse centre in eThekwini');
    await waitSaved(driver);

    const from = await byTestId(driver, 'compare-from');
    await from.findElement(By.css('option[value="1"]')).click();
    const to = await byTestId(driver, 'compare-to');
    await to.findElement(By.xpath(".//option[contains(., 'Current draft')]")).click();
    await press(driver, await byTestId(driver, 'compare-versions'));
    const changes = await all(driver, 'plan-change', 1);
    assert.equal(await changes[0].getAttribute('data-field'), 'actions.1.title');
    const change = await changes[0].getText();
    assert.match(change, /재사용 센터 pilot in eThekwini/);
    assert.match(change, /Reuse centre in eThekwini/);

    await press(driver, await byTestId(driver, 'export-plan'));
    await driver.wait(
      async () => /Saved to/.test(await (await byTestId(driver, 'plan-export-note')).getText()),
      20000,
      'the PDF was not exported',
    );
    const note = await (await byTestId(driver, 'plan-export-note')).getText();
    const pdf = note.replace(/^.*Saved to\s*/s, '').trim();
    assert.ok(existsSync(pdf), `${pdf} is not there`);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const title of [TITLE, ACTIONS[0], 'Reuse centre in eThekwini', ACTIONS[2], 'Draft, printed']) {
      assert.ok(text.includes(title.replace(/\s+/g, '')), `${title} not in the PDF`);
    }
    await quit(driver);

    driver = await launch(dir);
    await goTo(driver, 'Cooperation plans');
    await press(driver, await byTestId(driver, 'open-plan', 15000));
    await byTestId(driver, 'plan-title', 15000);
    assert.equal(await (await byTestId(driver, 'plan-title')).getAttribute('value'), TITLE);
    await all(driver, 'action-title', 3);
    assert.deepEqual(await values(driver, 'action-title'), [ACTIONS[0], 'Reuse centre in eThekwini', ACTIONS[2]]);
    await all(driver, 'plan-version', 1);
    await quit(driver);
    driver = null;
  } finally {
    if (driver) await quit(driver).catch(() => {});
    cleanup(dir);
  }
});
