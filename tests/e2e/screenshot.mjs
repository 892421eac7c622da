// Takes the README's screenshots of the real window on the sample programme: the Cities view
// and the pairing board with a suggestion.
//   npm --prefix tests/e2e run screenshot
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { byTestId, cleanup, displayName, goTo, launch, newDataDir, press, quit, startDriver, stopDriver } from './support/app.mjs';

const docs = resolve(import.meta.dirname, '..', '..', 'docs');
const dir = newDataDir();

// The whole X screen, as a person sees the window (WebDriver's own screenshot can stall on
// WebKitGTK without compositing).
async function shoot(name) {
  await sleep(500);
  const out = join(docs, name);
  execFileSync('import', ['-display', displayName(), '-window', 'root', '-crop', '1280x820+0+0', out]);
  console.log(`Wrote ${out}`);
}

mkdirSync(docs, { recursive: true });
await startDriver();
try {
  const driver = await launch(dir);
  await (await byTestId(driver, 'load-sample')).click();
  await goTo(driver, 'Cities');
  await byTestId(driver, 'city-row');
  await shoot('screenshot.png');
  await goTo(driver, 'Pairings');
  await press(driver, await byTestId(driver, 'suggest-pairings'));
  await byTestId(driver, 'proposed-pair');
  await shoot('pairing-board.png');
  await quit(driver);
} finally {
  await stopDriver();
  cleanup(dir);
}
