// Times the whole app as a person meets it and measures its memory:
//   npm --prefix tests/e2e run bench
// For each of ROUNDS launches on a data folder holding the sample programme: the time from
// asking for the window to the Cities table showing its rows, then the resident memory of the
// app process and of the WebKit processes it started. Prints a Markdown table for the README.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { appBinary, byTestId, cleanup, goTo, launch, newDataDir, quit, runCli, startDriver, stopDriver } from './support/app.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);

function rssKiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}

/** The app process on `dir` and every process below it (WebKit's web and network processes). */
function processTree(dir) {
  const app = execFileSync('pgrep', ['-f', `icp-desk --data-dir ${dir}`], { encoding: 'utf8' }).trim().split('\n')[0];
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch { /* gone */ }
  }
  const tree = [app];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return { app, children: tree.slice(1) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = newDataDir();
await startDriver();
try {
  const loaded = await runCli(['sample-data'], dir);
  if (loaded.code !== 0) throw new Error(loaded.err);
  const starts = [];
  const appMem = [];
  const allMem = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const driver = await launch(dir);
    await goTo(driver, 'Cities');
    await byTestId(driver, 'city-row');
    starts.push(performance.now() - t0);
    await sleep(1000);
    const { app, children } = processTree(dir);
    const own = rssKiB(app);
    appMem.push(own);
    allMem.push(own + children.reduce((sum, pid) => sum + rssKiB(pid), 0));
    await quit(driver);
  }
  const mib = (k) => (k / 1024).toFixed(0);
  console.log(`\nApp: ${appBinary}; ${ROUNDS} launches; medians.\n`);
  console.log('| measure | figure |\n| --- | --- |');
  console.log(`| window asked for → Cities table with the 14 sample cities | ${median(starts).toFixed(0)} ms (min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)}) |`);
  console.log(`| resident memory, app process | ${mib(median(appMem))} MiB |`);
  console.log(`| resident memory, app and its WebKit processes | ${mib(median(allMem))} MiB |`);
} finally {
  await stopDriver();
  cleanup(dir);
}
