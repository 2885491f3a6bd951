import { afterAll, beforeAll } from 'vitest';

/**
 * For tests only. jsdom has no layout, and React Flow keeps a node it could
 * not measure hidden (so it has no accessible name either). Call this at the
 * top of a test file: while its tests run, every element is 200 × 100 px
 * and the resize observer reports each element it is given, as browsers do.
 */
export function measureElementsInJsdom(): void {
  const real = {
    ResizeObserver: globalThis.ResizeObserver,
    DOMMatrixReadOnly: globalThis.DOMMatrixReadOnly,
    offsetWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  };
  beforeAll(() => {
    globalThis.ResizeObserver = MeasuringResizeObserver;
    globalThis.DOMMatrixReadOnly = DOMMatrixReadOnlyStub as unknown as typeof DOMMatrixReadOnly;
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
      configurable: true,
      get: () => 200,
    });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get: () => 100,
    });
  });
  afterAll(() => {
    globalThis.ResizeObserver = real.ResizeObserver;
    globalThis.DOMMatrixReadOnly = real.DOMMatrixReadOnly;
    if (real.offsetWidth)
      Object.defineProperty(HTMLElement.prototype, 'offsetWidth', real.offsetWidth);
    if (real.offsetHeight) {
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', real.offsetHeight);
    }
  });
}

class MeasuringResizeObserver implements ResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  // React Flow observes from its effects, so this runs inside the test's `act`.
  observe(target: Element) {
    this.callback([{ target } as unknown as ResizeObserverEntry], this);
  }
  unobserve() {}
  disconnect() {}
}

/** React Flow reads the zoom of a node's parent from its CSS transform. */
class DOMMatrixReadOnlyStub {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}
