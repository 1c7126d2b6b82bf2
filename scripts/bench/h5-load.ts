/**
 * Bench section: the h5 first load in real Chromium at 375×812 under Slow 4G (400 kbps, 400 ms RTT) and a 4× slower CPU,
 * before (the build sent as it is) and after (brotli as the browser asks): bytes, requests, time until the page is usable.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ensureAllIndexes } from '../../backend/collections';
import { localPorts } from '../../backend/ports/local';
import { consoleLogger } from '../../backend/runtime/handle';
import { openSqliteStore } from '../../backend/store/sqlite';
import { buildingId, seedDemo } from '../../local/seed';
import { createLocalServer } from '../../local/server';
import type { BenchContext, Section, SectionResult } from './report';
import { fmt, table } from './report';

/** Chrome DevTools' Slow 4G as the issue states it; upload the same. */
const NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 375, height: 812 };

interface Scenario {
  name: string;
  route: string;
  /** Shown once the page's data has arrived and it can be used. */
  ready: string;
}

const SCENARIOS: Scenario[] = [
  { name: '点单 form from a 民情二维码', route: `/pages/order/new/index?building=${buildingId('310107102008', 1, 1)}`, ready: '#order-building .area-trail' },
  { name: 'Home (resident)', route: '/pages/index/index', ready: '#home-name' },
];

type Mode = 'before' | 'after';

interface Load {
  ms: number;
  bytes: number;
  requests: number;
  compressed: number;
}

/** Sets `window.__readyAt` (ms since navigation start) the first time `selector` is laid out: no polling delay in the figure. */
function readyWatcher(selector: string): string {
  return `(() => {
    const sel = ${JSON.stringify(selector)};
    const check = () => {
      if (window.__readyAt) return;
      const el = document.querySelector(sel);
      if (el && el.getBoundingClientRect().height > 0) window.__readyAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  })();`;
}

/** One cold load (new context, empty cache) of `s`, throttled; what went over the wire until the page was usable. */
async function coldLoad(browser: Browser, baseUrl: string, storage: Awaited<ReturnType<BrowserContext['storageState']>>, s: Scenario, mode: Mode): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', storageState: storage });
  try {
    const page = await context.newPage();
    await page.addInitScript(readyWatcher(s.ready));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // Before: the browser asks for the bytes as they are, which is what the server sent before it compressed.
    if (mode === 'before') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    let bytes = 0;
    let requests = 0;
    let compressed = 0;
    let counting = true;
    cdp.on('Network.requestWillBeSent', () => {
      if (counting) requests++;
    });
    cdp.on('Network.responseReceived', (e: { response: { headers: Record<string, string> } }) => {
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      if (counting && h['content-encoding']) compressed++;
    });
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      if (counting) bytes += e.encodedDataLength;
    });
    await page.goto(`${baseUrl}/#${s.route}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt, undefined, { timeout: 120_000, polling: 100 });
    counting = false;
    const ms = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
    return { ms, bytes, requests, compressed };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

async function run(ctx: BenchContext): Promise<SectionResult> {
  const h5 = path.join(ctx.root, 'build', 'h5');
  if (!fs.existsSync(path.join(h5, 'index.html'))) throw new Error('build/h5 is missing: run npm run build:h5 first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-bench-h5-'));
  const store = openSqliteStore({ dataDir });
  await ensureAllIndexes(store);
  await seedDemo(store, Date.now());
  const uploadsDir = path.join(dataDir, 'uploads');
  const server = createLocalServer({
    deps: { store, now: Date.now, log: consoleLogger, ports: localPorts(uploadsDir) },
    secret: 'bench',
    devSignIn: true,
    staticDir: h5,
    uploadsDir,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const version = browser.version();
  const runs = ctx.quick ? 1 : 3;
  const rows: Array<{ s: Scenario; mode: Mode; loads: Load[] }> = [];
  try {
    // Sign in once, unthrottled, the way a newcomer does (privacy consent included); every measured load starts signed in.
    // This also has the server compress each file once, as a running server already has.
    const setup = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await setup.newPage();
    await page.goto(`${baseUrl}/#/pages/signin/index`);
    await page.locator('#signin-list').getByText('王秀英', { exact: true }).first().click();
    const consent = page.getByText('同意并继续', { exact: true });
    await consent.or(page.locator('#home-name')).first().waitFor({ timeout: 30_000 });
    if (await consent.isVisible()) await consent.click();
    await page.locator('#home-name').waitFor({ timeout: 30_000 });
    for (const s of SCENARIOS) {
      await page.goto(`${baseUrl}/#${s.route}`);
      await page.locator(s.ready).first().waitFor({ timeout: 30_000 });
    }
    const storage = await setup.storageState();
    await setup.close();
    for (const s of SCENARIOS)
      for (const mode of ['before', 'after'] as const) {
        const loads: Load[] = [];
        for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, baseUrl, storage, s, mode));
        // The comparison is only honest if "before" really went uncompressed and "after" really compressed.
        const coded = loads.map((l) => l.compressed);
        if (mode === 'before' ? coded.some((c) => c > 0) : coded.some((c) => c === 0)) throw new Error(`${s.name} ${mode}: compressed responses ${coded.join(',')}`);
        rows.push({ s, mode, loads });
      }
  } finally {
    await browser.close();
    server.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const figures: SectionResult['figures'] = {};
  const body = rows.map(({ s, mode, loads }) => {
    const ms = median(loads.map((l) => l.ms));
    const kb = median(loads.map((l) => l.bytes)) / 1000;
    const req = median(loads.map((l) => l.requests));
    figures[`${s.name} ${mode} ms`] = Math.round(ms);
    figures[`${s.name} ${mode} KB`] = Math.round(kb);
    return [s.name, mode === 'before' ? 'before: uncompressed' : 'after: brotli', fmt(kb), req, fmt(ms / 1000, 2), loads.map((l) => fmt(l.ms / 1000, 2)).join(' / ')];
  });
  const markdown = [
    `Chromium ${version} at ${VIEWPORT.width}×${VIEWPORT.height}, a new context per load (empty cache, signed in as 王秀英 with consent given),`,
    `Slow 4G through CDP \`Network.emulateNetworkConditions\` (${(NETWORK.downloadThroughput * 8) / 1000} kbps down and up, ${NETWORK.latency} ms RTT) and`,
    `\`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}. Before: the browser asks for \`Accept-Encoding: identity\`, so the server sends the bytes`,
    "as it did before it compressed; after: the browser's own header, brotli. KB is what crossed the wire (headers included) until the",
    "page was usable; usable is when its marker (the building's name on the 点单 form, the person's name on home: the page's data",
    `has arrived) is laid out, from navigation start; median of ${runs}.`,
    '',
    table(['Page', 'Sent', 'KB transferred', 'Requests', 'Usable after (s)', 'Each run (s)'], body),
  ].join('\n');
  return { markdown, figures };
}

export const h5LoadSection: Section = { id: 'h5load', title: 'h5 first load under Slow 4G and a 4× slower CPU (issue 13)', run };
