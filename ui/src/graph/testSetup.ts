// jsdom lacks what React Flow measures with; these stubs are enough for it to render.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

if (!("ResizeObserver" in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
}

if (!("DOMMatrixReadOnly" in globalThis)) {
  class DOMMatrixReadOnlyStub {
    m22: number;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
      this.m22 = scale !== undefined ? Number(scale) : 1;
    }
  }
  Object.assign(globalThis, { DOMMatrixReadOnly: DOMMatrixReadOnlyStub, DOMMatrix: DOMMatrixReadOnlyStub });
}

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get() {
      return 60;
    },
  },
  offsetWidth: {
    configurable: true,
    get() {
      return 200;
    },
  },
});

if (!("getBBox" in SVGElement.prototype)) {
  Object.assign(SVGElement.prototype, { getBBox: () => ({ x: 0, y: 0, width: 0, height: 0 }) });
}

// jsdom has no 2D canvas (it would log "not implemented"); the drawings are tested with a recording pen.
Object.assign(HTMLCanvasElement.prototype, { getContext: () => null });
