/**
 * Canvas performance on a generated 2,000-node flow (not a test: it
 * reports). Run with `npm run bench --workspace @callbot/designer`.
 *
 * Builds two pages with Vite into a temporary folder and serves them on
 * loopback: (a) the designer's editor canvas (`FlowCanvas` on an editor
 * store), (b) plain React Flow with default nodes, the same nodes at the same
 * positions and the same edges (the baseline). Headless Chromium opens each,
 * then, on the same viewport, pans the pane and drags a node for two seconds
 * each while the page records frame durations (requestAnimationFrame
 * deltas). Five rounds, the order of the pages alternating; medians (other
 * work on a shared machine can spoil a round or two of either page).
 *
 * Two scenarios in the same run: zoomed out to 10 % (the pages open as the
 * editor does, with an overview; nodes drawn compact) and at 100 % (the
 * pages open at 100 % on the dragged node; nodes in full detail, all 2,000
 * in the page).
 *
 * Prints figures with their targets, then, as the last line, one JSON object
 * `{"zoom0.1": {...}, "zoom1": {...}}`, each `{"openMs", "p95FrameMs",
 * "baselineOpenMs", "baselineP95FrameMs", "frameRatio"}`: the canvas's open
 * time, the p95 frame time of its pan and drag frames, the same for the
 * baseline, and the ratio of the p95s. Exits 0 when the target is missed
 * (it is a report), 1 when something is broken (a page fails, the nodes are
 * not all drawn, a gesture does not pan or drag).
 *
 * With `BENCH_TRACE_DIR=<folder>`, the first round also writes Chromium
 * traces of each page's pan and drag there (`editor-pan.json`, ...), to open
 * in Chrome's Performance panel; tracing slows that round a little.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import {
  BenchError,
  GESTURE_MS,
  PAGES,
  VIEW,
  buildPages,
  launchChromium,
  median,
  percentile,
  serve,
  tracing,
  visit,
  type PageName,
  type Visit,
} from './driver.ts';
import { BENCH_ZOOMS, FLOW_NODES, type BenchZoom } from './flow.ts';

const TARGETS = { frameRatio: 1.3, openMs: 1500 };
const ROUNDS = 5;
/** The whole run stops by itself after this, whatever happens. */
const DEADLINE_MS = 600_000;

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

interface Summary {
  openMs: number;
  /** p95 of the pan and drag frames of a visit (median of the visits). */
  p95: number;
  panP95: number;
  dragP95: number;
  panMean: number;
  dragMean: number;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

function summarise(visits: Visit[]): Summary {
  return {
    openMs: median(visits.map((v) => v.openMs)),
    p95: median(visits.map((v) => percentile([...v.pan, ...v.drag], 95))),
    panP95: median(visits.map((v) => percentile(v.pan, 95))),
    dragP95: median(visits.map((v) => percentile(v.drag, 95))),
    panMean: median(visits.map((v) => mean(v.pan))),
    dragMean: median(visits.map((v) => mean(v.drag))),
  };
}

function describeVisit(name: PageName, round: number, v: Visit): string {
  const frames = (label: string, f: number[]) =>
    `${label} p95 ${fmt(percentile(f, 95)).padStart(5)} mean ${fmt(mean(f)).padStart(5)} ms ` +
    `(${f.length} frames)`;
  return (
    `  round ${round + 1}  ${name.padEnd(8)}  open ${fmt(v.openMs, 0).padStart(5)} ms  ` +
    `${frames('pan', v.pan)}  ${frames('drag', v.drag)}`
  );
}

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => console.error('bench: clean-up failed:', error));
  }
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'callbot-designer-bench-'));
  cleanups.push(() => rm(tmp, { recursive: true, force: true }));
  // Even if the process exits before the clean-up above has run.
  process.once('exit', () => rmSync(tmp, { recursive: true, force: true }));
  const outDir = join(tmp, 'dist');

  console.log(`Designer canvas bench: a generated ${FLOW_NODES}-node flow`);
  let t = performance.now();
  await buildPages(outDir, join(tmp, 'vite-cache'));
  console.log(`  built both pages in ${fmt((performance.now() - t) / 1000)} s`);

  const { server, origin } = await serve(outDir);
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const url = (name: PageName, zoom: BenchZoom) =>
    `${origin}/${PAGES[name].file}${zoom === 1 ? '?zoom=1' : ''}`;

  // Chromium's first pages pay for its start-up: open each page once, unmeasured.
  t = performance.now();
  await visit(browser, url('editor', 0.1), { measure: false });
  await visit(browser, url('baseline', 0.1), { measure: false });
  console.log(`  warm-up visits in ${fmt((performance.now() - t) / 1000)} s`);

  const report: Record<string, object> = {};
  for (const zoom of BENCH_ZOOMS) {
    console.log('');
    console.log(`At zoom ${zoom}:`);
    const visits: Record<PageName, Visit[]> = { editor: [], baseline: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order: PageName[] = r % 2 === 0 ? ['editor', 'baseline'] : ['baseline', 'editor'];
      for (const name of order) {
        const traceDir = process.env.BENCH_TRACE_DIR;
        const around =
          traceDir && r === 0 ? tracing(join(traceDir, `${name}-zoom${zoom}`)) : undefined;
        const v = await visit(browser, url(name, zoom), {
          measure: true,
          zoom,
          ...(around && { around }),
        });
        visits[name].push(v);
        console.log(describeVisit(name, r, v));
      }
    }

    const editor = summarise(visits.editor);
    const baseline = summarise(visits.baseline);
    const frameRatio = editor.p95 / baseline.p95;
    const line = (name: PageName, s: Summary) =>
      `  ${PAGES[name].title.padEnd(17)} open ${fmt(s.openMs, 0).padStart(5)} ms` +
      `   p95 frame ${fmt(s.p95).padStart(5)} ms (pan ${fmt(s.panP95)}, drag ${fmt(s.dragP95)})` +
      `   mean frame: pan ${fmt(s.panMean)}, drag ${fmt(s.dragMean)} ms`;
    console.log(
      `  Medians of ${ROUNDS} rounds; viewport ${VIEW.width}x${VIEW.height} at zoom ${zoom} ` +
        `(${zoom === 1 ? 'full node views, a dozen nodes on screen' : 'compact nodes, about half of them on screen'}); ` +
        `${GESTURE_MS / 1000} s of panning and ${GESTURE_MS / 1000} s of dragging a node per round:`,
    );
    console.log(line('editor', editor));
    console.log(line('baseline', baseline));
    console.log(
      `  frame ratio (p95 canvas / p95 baseline): ${fmt(frameRatio, 2)}` +
        `   target <= ${TARGETS.frameRatio}   ${verdict(frameRatio <= TARGETS.frameRatio)}`,
    );
    console.log(
      `  canvas open time: ${fmt(editor.openMs, 0)} ms` +
        `   target <= ${TARGETS.openMs} ms   ${verdict(editor.openMs <= TARGETS.openMs)}`,
    );
    report[`zoom${zoom}`] = {
      openMs: round(editor.openMs, 0),
      p95FrameMs: round(editor.p95),
      baselineOpenMs: round(baseline.openMs, 0),
      baselineP95FrameMs: round(baseline.p95),
      frameRatio: round(frameRatio, 2),
    };
  }
  console.log('');
  console.log(JSON.stringify(report));
}

const deadline = setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MS / 1000} s, giving up`);
  void cleanUp().finally(() => process.exit(1));
}, DEADLINE_MS);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`bench: ${signal}, stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  if (!interrupted) {
    console.error(error instanceof BenchError ? `bench: ${error.message}` : error);
    process.exitCode = 1;
  }
} finally {
  clearTimeout(deadline);
  await cleanUp();
}
