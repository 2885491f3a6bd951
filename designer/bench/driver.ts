/**
 * What `bench.ts` does to measure one page: build the bench pages with Vite,
 * serve them on loopback, open one in Chromium, pan and drag on it while the
 * page records frame durations. Kept apart from the report so that
 * one-off investigations can reuse it.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, defaultClientConditions } from 'vite';
import { DRAG_NODE_ID, FLOW_NODES, benchViewport, type BenchZoom } from './flow.ts';

// ---- Settings ----

export const VIEW = { width: 1280, height: 720 };
export const GESTURE_MS = 2000;
const WARMUP_GESTURE_MS = 400;
/** One back-and-forth of the mouse, and how far it goes (px, horizontally). */
const PERIOD_MS = 1000;
const PAN_AMPLITUDE = 200;
const DRAG_AMPLITUDE = 120;
/** Time between two mouse moves: about two per frame at 60 Hz. */
const MOVE_INTERVAL_MS = 8;
const OPEN_TIMEOUT_MS = 30_000;

/** Chromium as the e2e tests launch it (`e2e/playwright.config.ts`). */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export const PAGES = {
  editor: { file: 'editor.html', title: 'designer canvas' },
  baseline: { file: 'baseline.html', title: 'plain React Flow' },
} as const;
export type PageName = keyof typeof PAGES;

/** Something is broken (not merely slow): the bench exits with 1. */
export class BenchError extends Error {}

const benchDir = import.meta.dirname;

// ---- Statistics ----

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Nearest-rank percentile. */
export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

// ---- Build and serve the pages ----

/** Builds the bench pages into `outDir`, as the app is built (production React). */
export async function buildPages(outDir: string, cacheDir: string): Promise<void> {
  await build({
    configFile: false,
    root: benchDir,
    base: './',
    cacheDir,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    // As designer/vite.config.ts: the packages from their sources, no build step.
    resolve: { conditions: ['@callbot/source', ...defaultClientConditions] },
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: {
        input: Object.fromEntries(
          Object.entries(PAGES).map(([name, { file }]) => [name, join(benchDir, file)]),
        ),
      },
    },
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A static server for `root` on 127.0.0.1, on a free port. */
export async function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path);
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new BenchError('no server address');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** Chromium, headless; the caller closes it, on a signal too (Playwright's own handlers would exit at once). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    ...CHROMIUM,
  });

// ---- Gestures ----

type Point = { x: number; y: number };

/**
 * Presses the mouse at `from`, moves it back and forth for `durationMs`
 * (by the clock, so both pages get the same motion), and releases it where
 * it was pressed. Returns the frame durations recorded meanwhile. `check`
 * names what is wrong, if anything, while the button is still down: it runs
 * from a quarter of a back-and-forth on (the pointer is then farthest from
 * where it was pressed; at each half it is back there), again until it passes,
 * and once more at the end if it has not, so that a page slow to take the
 * moves in is not taken for a broken one.
 */
async function gesture(
  page: Page,
  from: Point,
  amplitude: number,
  durationMs: number,
  check: () => Promise<string | null>,
): Promise<number[]> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(() => window.__bench!.startFrames());
  const start = performance.now();
  let problem: string | null = null;
  let passed = false;
  for (let t = 0; t < durationMs; t = performance.now() - start) {
    const phase = (2 * Math.PI * t) / PERIOD_MS;
    await page.mouse.move(
      from.x + amplitude * Math.sin(phase),
      from.y + (amplitude / 2) * Math.sin(2 * phase),
    );
    if (!passed && t > PERIOD_MS / 4) {
      problem = await check();
      passed = problem === null;
    }
    await sleep(MOVE_INTERVAL_MS);
  }
  const frames = await page.evaluate(() => window.__bench!.stopFrames());
  if (!passed) problem = await check();
  await page.mouse.move(from.x, from.y);
  await page.mouse.up();
  if (problem) throw new BenchError(problem);
  return frames;
}

/** Pans by dragging the empty pane. */
async function pan(page: Page, durationMs: number): Promise<number[]> {
  const from = await page.evaluate(() => window.__bench!.panePoint());
  if (!from) throw new BenchError('no empty pane to start a pan from');
  const before = await page.evaluate(() => window.__bench!.getViewport());
  return gesture(page, from, PAN_AMPLITUDE, durationMs, async () => {
    const now = await page.evaluate(() => window.__bench!.getViewport());
    return now.x !== before.x || now.y !== before.y ? null : 'panning did not move the viewport';
  });
}

/** Drags one node (a menu near the middle) by its centre. */
async function drag(page: Page, durationMs: number): Promise<number[]> {
  const box = await page.locator(`.react-flow__node[data-id="${DRAG_NODE_ID}"]`).boundingBox();
  if (!box) throw new BenchError(`node ${DRAG_NODE_ID} is not on the page`);
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // React Flow pans along when the pointer comes within 40 px of an edge.
  const margin = { x: DRAG_AMPLITUDE + 50, y: DRAG_AMPLITUDE / 2 + 50 };
  if (
    Math.min(from.x, VIEW.width - from.x) < margin.x ||
    Math.min(from.y, VIEW.height - from.y) < margin.y
  ) {
    throw new BenchError(`node ${DRAG_NODE_ID} is too close to the edge to drag it freely`);
  }
  return gesture(page, from, DRAG_AMPLITUDE, durationMs, async () => {
    const dragging = await page.evaluate(
      (id) => document.querySelector(`.react-flow__node.dragging[data-id="${id}"]`) !== null,
      DRAG_NODE_ID,
    );
    return dragging ? null : `node ${DRAG_NODE_ID} is not being dragged`;
  });
}

/** Lets pending renders and effects finish: two frames, then a short pause. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  await sleep(300);
}

// ---- One visit of one page ----

export interface Visit {
  /** From navigation start until every node and edge was drawn. */
  openMs: number;
  /** Frame durations while panning, then while dragging a node (ms). */
  pan: number[];
  drag: number[];
}

export interface VisitOptions {
  /** false: only open the page (a warm-up). */
  measure: boolean;
  /** The zoom the gestures are measured at (the page's URL says where it opens). */
  zoom?: BenchZoom;
  gestureMs?: number;
  /** Wraps each measured gesture, to trace or profile it. */
  around?: Around;
}

/** Runs a measured gesture (`measure`) on `page`, with something around it. */
export type Around = (
  gesture: 'pan' | 'drag',
  page: Page,
  measure: () => Promise<number[]>,
) => Promise<number[]>;

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink',
  'cc',
  'viz',
  'toplevel',
];

/** Writes a Chromium trace of each gesture to `<prefix>-pan.json` and `<prefix>-drag.json`. */
export const tracing =
  (prefix: string): Around =>
  async (gesture, page, measure) => {
    const browser = page.context().browser()!;
    await browser.startTracing(page, {
      path: `${prefix}-${gesture}.json`,
      categories: TRACE_CATEGORIES,
    });
    try {
      return await measure();
    } finally {
      await browser.stopTracing();
    }
  };

/** Opens `url` in a fresh browser context, then pans and drags on it. */
export async function visit(browser: Browser, url: string, options: VisitOptions): Promise<Visit> {
  const { measure, gestureMs = GESTURE_MS, zoom = 0.1 } = options;
  const around = options.around ?? ((_gesture, _page, run) => run());
  const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page
      .waitForFunction(() => window.__bench?.openMs != null, null, {
        timeout: OPEN_TIMEOUT_MS,
        polling: 50,
      })
      .catch(async () => {
        const counts = await page.evaluate(() => [
          window.__bench?.nodeCount(),
          window.__bench?.edgeCount(),
        ]);
        throw new BenchError(
          `${url}: the flow was not drawn within ${OPEN_TIMEOUT_MS} ms ` +
            `(nodes, edges on the page: ${counts.join(', ')}; errors: ${errors.join('; ') || 'none'})`,
        );
      });
    const { openMs, nodes } = await page.evaluate(() => ({
      openMs: window.__bench!.openMs!,
      nodes: window.__bench!.flowNodes().total,
    }));
    if (nodes !== FLOW_NODES) throw new BenchError(`${url}: ${nodes} nodes, not ${FLOW_NODES}`);
    if (!measure) return { openMs, pan: [], drag: [] };

    // Both pages are measured on the same viewport, whatever their fitView chose.
    const viewport = benchViewport(VIEW.width, VIEW.height, zoom);
    const home = () => page.evaluate((v) => window.__bench!.setViewport(v), viewport);
    await home();
    await settle(page);
    // Warm-up: the first gestures compile and cache what the next ones reuse.
    await pan(page, WARMUP_GESTURE_MS);
    await drag(page, WARMUP_GESTURE_MS);
    await home();
    await settle(page);
    const panFrames = await around('pan', page, () => pan(page, gestureMs));
    await home();
    await settle(page);
    const dragFrames = await around('drag', page, () => drag(page, gestureMs));
    if (errors.length > 0) throw new BenchError(`${url}: ${errors.join('; ')}`);
    return { openMs, pan: panFrames, drag: dragFrames };
  } catch (error) {
    // Name the page whose gesture went wrong.
    if (error instanceof BenchError && !error.message.startsWith(url)) {
      throw new BenchError(`${url}: ${error.message}`);
    }
    throw error;
  } finally {
    await context.close();
  }
}
