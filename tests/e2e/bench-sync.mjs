// Times how long a change that lands in the sync folder takes to show in another ICP Desk's
// window:
//   npm --prefix tests/e2e run bench-sync
// One window (desktop B) syncs with a shared folder. For each of ROUNDS, a colleague's desktop
// (a fresh data folder loaded with the sample programme: 14 cities and the rest, 1,295
// operations) syncs from the command line; the clock starts when its file is in the folder and
// stops when B's Cities table shows the 14 new rows. Prints a Markdown table for the README.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appBinary, By, byTestId, cleanup, goTo, launch, newDataDir, press, quit, runCli, startDriver, stopDriver, type } from './support/app.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const shared = mkdtempSync(join(tmpdir(), 'icp-desk-bench-shared-'));
const b = newDataDir();
const colleagues = [];
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

async function cli(args, dir) {
  const r = await runCli(args, dir);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.err}`);
}

await startDriver({ ICP_DESK_TEST_SYNC_FOLDER: shared });
let driver;
try {
  driver = await launch(b);
  await goTo(driver, 'Exchange');
  await type(await byTestId(driver, 'exchange-person'), 'Ben Okafor');
  await press(driver, await byTestId(driver, 'choose-sync-folder'));
  await byTestId(driver, 'sync-folder-path', 15000);
  await goTo(driver, 'Cities');

  const latencies = [];
  for (let i = 0; i < ROUNDS; i++) {
    const a = newDataDir();
    colleagues.push(a);
    await cli(['sample-data'], a);
    const want = 14 * (i + 1);
    await cli(['sync', shared, '--person', `Colleague ${i + 1}`], a);
    const t0 = performance.now();
    await driver.wait(
      async () => (await driver.findElements(By.css('[data-testid="city-row"]'))).length >= want,
      60000,
      `B never showed ${want} cities`,
    );
    latencies.push(performance.now() - t0);
  }
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nApp: ${appBinary}; ${ROUNDS} rounds.\n`);
  console.log('| measure | figure |\n| --- | --- |');
  console.log(
    `| a colleague's file (sample programme, 1,295 operations) in the sync folder → the other window's Cities table shows it: median (min–max) | ${s(median(latencies))} (${s(Math.min(...latencies))}–${s(Math.max(...latencies))}) |`,
  );
} finally {
  if (driver) await quit(driver);
  await stopDriver();
  for (const dir of [b, ...colleagues]) cleanup(dir);
  rmSync(shared, { recursive: true, force: true });
}
