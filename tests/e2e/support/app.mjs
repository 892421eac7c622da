// Starts ICP Desk in its real window for a test: a virtual display when there is none,
// tauri-driver in front of WebKitWebDriver, and a data folder of the test's own.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Builder, Capabilities, By, Key, until } from 'selenium-webdriver';

export { By, Key, until };

const root = resolve(import.meta.dirname, '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
export const appBinary = process.env.ICP_DESK_BIN ?? join(targetDir, 'debug', 'icp-desk');

let display = null;
/** tauri-driver processes by port: one per window a test keeps open at a time. */
const drivers = new Map();
const port = Number(process.env.E2E_DRIVER_PORT ?? 4444);
/** The port of a second driver, for tests with two windows open side by side. */
export const secondPort = port + 2;

/** Environment for WebKitGTK under a virtual X server without a GPU. */
export function appEnv(extra = {}) {
  return {
    ...process.env,
    DISPLAY: process.env.DISPLAY ?? display?.name,
    WEBKIT_DISABLE_COMPOSITING_MODE: '1',
    WEBKIT_DISABLE_DMABUF_RENDERER: '1',
    LIBGL_ALWAYS_SOFTWARE: '1',
    NO_AT_BRIDGE: '1',
    ...extra,
  };
}

async function startDisplay() {
  if (process.env.DISPLAY || display) return;
  const name = `:${90 + Math.floor(Math.random() * 100)}`;
  const proc = spawn('Xvfb', [name, '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  display = { name, proc };
  for (let i = 0; i < 50; i++) {
    if (existsSync(`/tmp/.X11-unix/X${name.slice(1)}`)) return;
    await sleep(100);
  }
  throw new Error(`Xvfb did not start on ${name}`);
}

/** Waits until something listens on a local port (WebKitWebDriver, then tauri-driver). */
async function waitForPort(p, ms = 20000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise((r) => {
      const socket = connect(p, '127.0.0.1');
      socket.once('connect', () => { socket.end(); r(true); });
      socket.once('error', () => r(false));
    });
    if (open) return;
    await sleep(150);
  }
  throw new Error(`nothing listens on port ${p}`);
}

/** The X display the app's window is on. */
export function displayName() {
  return process.env.DISPLAY ?? display?.name;
}

/** Starts the display and tauri-driver (on `p`, the usual port unless said) once per test
 * file; `env` reaches the app. */
export async function startDriver(env = {}, p = port) {
  if (!existsSync(appBinary)) throw new Error(`The app is not built: ${appBinary}`);
  await startDisplay();
  drivers.set(
    p,
    spawn(
      'tauri-driver',
      ['--port', String(p), '--native-port', String(p + 1), '--native-driver', '/usr/bin/WebKitWebDriver'],
      { env: appEnv(env), stdio: ['ignore', 'inherit', 'inherit'] },
    ),
  );
  await waitForPort(p + 1);
  await waitForPort(p);
}

export async function stopDriver() {
  for (const d of drivers.values()) d.kill('SIGTERM');
  drivers.clear();
  display?.proc.kill('SIGTERM');
  display = null;
}

/** A fresh, empty data folder, removed by `cleanup`. */
export function newDataDir() {
  return mkdtempSync(join(tmpdir(), 'icp-desk-e2e-'));
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Opens the app's window on `dataDir` and waits until its UI is up (by default, until the
 * navigation shows; `ready` names another CSS selector to wait for). `driverPort` picks the
 * driver when a test has two windows open. */
export async function launch(dataDir, { ready = 'nav', driverPort = port } = {}) {
  const caps = new Capabilities();
  caps.setBrowserName('wry');
  caps.set('tauri:options', { application: appBinary, args: ['--data-dir', dataDir] });
  const driver = await new Builder().withCapabilities(caps).usingServer(`http://127.0.0.1:${driverPort}/`).build();
  await driver.wait(until.elementLocated(By.css(ready)), 30000, `the window showed no ${ready}`);
  return driver;
}

/** Closes the window the way the driver does: the app process ends. */
export async function quit(driver) {
  await driver.quit();
  await sleep(500);
}

export async function byTestId(driver, id, ms = 10000) {
  return driver.wait(until.elementLocated(By.css(`[data-testid="${id}"]`)), ms, `no element [data-testid="${id}"]`);
}

export async function byId(driver, id, ms = 10000) {
  return driver.wait(until.elementLocated(By.id(id)), ms, `no element #${id}`);
}

/** Clicks a navigation entry by its visible name. */
export async function goTo(driver, area) {
  const link = await driver.wait(
    until.elementLocated(By.xpath(`//nav//*[self::a or self::button][normalize-space(.)='${area}']`)),
    10000,
    `no navigation entry '${area}'`,
  );
  await link.click();
}

/** Scrolls an element into view, as a person would before clicking it (WebKitWebDriver
 * refuses to click what lies outside the window), then clicks it. */
export async function press(driver, element) {
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
  await element.click();
}

/** Replaces the text of an input as a person would: select all, then type. */
export async function type(element, text) {
  await element.getDriver().executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
  await element.clear();
  await element.sendKeys(text);
}

/** Runs the CLI of the same binary on a data folder; resolves with its exit code and output. */
export function runCli(args, dataDir) {
  return new Promise((resolvePromise) => {
    const p = spawn(appBinary, ['--data-dir', dataDir, ...args], { env: appEnv() });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code, signal) => resolvePromise({ code, signal, out, err }));
  });
}

/** Starts a second window process directly (not through the driver). */
export function spawnWindow(dataDir) {
  return spawn(appBinary, ['--data-dir', dataDir], { env: appEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}
