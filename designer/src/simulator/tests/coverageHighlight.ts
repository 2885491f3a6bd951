import { createStore } from 'zustand/vanilla';
import type { PortKey } from './coverage.ts';

/** What the canvas shows as covered by a flow's test cases. */
export interface CoverageShown {
  flowId: string;
  nodes: ReadonlySet<string>;
  /** `source:port`: the ids of the canvas's edges (`toFlowEdges`). */
  ports: ReadonlySet<PortKey>;
}

/**
 * The coverage the canvas highlights, or `null` when none is shown. The test
 * cases panel sets it ("Show coverage on canvas"); the canvas reads it, e.g.
 * `useStore(coverageHighlight, (s) => s.shown)`, and should ignore a
 * `flowId` other than its own.
 */
export const coverageHighlight = createStore<{ shown: CoverageShown | null }>(() => ({
  shown: null,
}));

export function showCoverage(shown: CoverageShown): void {
  coverageHighlight.setState({ shown });
}

/** Hides the highlight of `flowId` (a highlight of another flow stays). */
export function hideCoverage(flowId: string): void {
  if (coverageHighlight.getState().shown?.flowId === flowId) {
    coverageHighlight.setState({ shown: null });
  }
}
