import "./testSetup";
import { act, render } from "@testing-library/react";
import { useCallback, useRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { follow, type Pen, type View } from "./detail";
import { REST_MS, useFollowingCanvas } from "./DetailLayer";

describe("a canvas that follows the view", () => {
  it("moves a drawing made at one viewport to where its content belongs at another", () => {
    const from: View = [40, -20, 0.5];
    const to: View = [-300, 90, 1.25];
    const m = follow(from, to).match(/^translate\((.+)px, (.+)px\) scale\((.+)\)$/);
    expect(m).not.toBeNull();
    const [tx, ty, k] = m!.slice(1).map(Number);
    for (const [gx, gy] of [
      [0, 0],
      [1000, -250],
      [-42, 7],
    ]) {
      // Drawn at `from`, the point is at this pixel of the canvas…
      const [px, py] = [gx * from[2] + from[0], gy * from[2] + from[1]];
      // …which the CSS transform (origin top left) must put where `to` shows the point.
      expect(px * k + tx).toBeCloseTo(gx * to[2] + to[0], 9);
      expect(py * k + ty).toBeCloseTo(gy * to[2] + to[1], 9);
    }
  });

  describe("while the view moves", () => {
    let draws: View[];
    beforeEach(() => {
      vi.useFakeTimers();
      draws = [];
      vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({
        setTransform: () => {},
        clearRect: () => {},
      } as unknown as CanvasRenderingContext2D);
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    function Probe({ view }: { view: View }) {
      const canvas = useRef<HTMLCanvasElement>(null);
      const draw = useCallback((_pen: Pen, _dpr: number, at: View) => void draws.push(at), []);
      useFollowingCanvas(canvas, 300, 200, view, draw);
      return <canvas ref={canvas} data-testid="probe" />;
    }

    it("moves and scales its last drawing, and draws afresh only once the view rests", () => {
      const { rerender, getByTestId } = render(<Probe view={[0, 0, 1]} />);
      act(() => vi.advanceTimersByTime(20));
      expect(draws, "drawn on the first frame").toEqual([[0, 0, 1]]);

      for (let i = 1; i <= 10; i += 1) {
        rerender(<Probe view={[i * 10, 0, 1 + i / 10]} />);
        act(() => vi.advanceTimersByTime(REST_MS / 2));
      }
      expect(draws, "not drawn while the view keeps moving").toHaveLength(1);
      expect(getByTestId("probe").style.transform).toBe(follow([0, 0, 1], [100, 0, 2]));

      act(() => vi.advanceTimersByTime(REST_MS));
      expect(draws, "drawn once the view rests, where it rests").toEqual([
        [0, 0, 1],
        [100, 0, 2],
      ]);
      expect(getByTestId("probe").style.transform, "the fresh drawing is not moved").toBe("");
    });
  });
});
