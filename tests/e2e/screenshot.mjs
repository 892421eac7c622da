// Takes the README's screenshot: the Cities view of the real window on the sample programme.
//   npm --prefix tests/e2e run screenshot
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { byTestId, cleanup, displayName, goTo, launch, newDataDir, quit, startDriver, stopDriver } from './support/app.mjs';

const out = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshot.png');
const dir = newDataDir();
await startDriver();
try {
  const driver = await launch(dir);
  await (await byTestId(driver, 'load-sample')).click();
  await goTo(driver, 'Cities');
  await byTestId(driver, 'city-row');
  await sleep(500);
  mkdirSync(join(out, '..'), { recursive: true });
  // The whole X screen, as a person sees the window (WebDriver's own screenshot can stall
  // on WebKitGTK without compositing).
  execFileSync('import', ['-display', displayName(), '-window', 'root', '-crop', '1280x820+0+0', out]);
  console.log(`Wrote ${out}`);
  await quit(driver);
} finally {
  await stopDriver();
  cleanup(dir);
}
