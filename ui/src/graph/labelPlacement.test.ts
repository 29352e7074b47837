import { describe, expect, it } from "vitest";
import type { Rect } from "./detail";
import { curvePoint, endsOf, LABEL, labelRank, labelWidth, placeLabels, type LabelPlace, type LabelSpec } from "./labelPlacement";

const card = (x: number, y: number): Rect => ({ x, y, width: 220, height: 76 });

function spec(id: string, from: Rect, to: Rect, text = "account.id, email", severity: string | null = null, selected = false): LabelSpec {
  return { id, from, to, text, rank: labelRank(selected, severity), extra: severity ? 14 : 0 };
}

/** The box a placed label takes. */
function boxOf(s: LabelSpec, p: LabelPlace): Rect {
  const [sx, sy, tx, ty] = endsOf(s.from, s.to);
  const [x, y] = curvePoint(sx, sy, tx, ty, p.t);
  const w = labelWidth(s.text, s.extra, p.short);
  return { x: x - w / 2, y: y - LABEL.height / 2, width: w, height: LABEL.height };
}
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Checks that no shown label overlaps a card or another shown label. */
function expectClear(specs: LabelSpec[], cards: Rect[], places: Map<string, LabelPlace | null>) {
  const shown = specs.flatMap((s) => {
    const p = places.get(s.id);
    return p ? [[s.id, boxOf(s, p)] as const] : [];
  });
  for (const [id, box] of shown) {
    for (const c of cards) expect(overlap(box, c), `${id} is clear of every card`).toBe(false);
    for (const [other, b] of shown) if (other !== id) expect(overlap(box, b), `${id} and ${other} do not overlap`).toBe(false);
  }
}

describe("placing handoff labels", () => {
  it("follows React Flow's curve: the ends at t = 0 and 1, its label point at t = 0.5", () => {
    expect(curvePoint(0, 0, 300, 100, 0)).toEqual([0, 0]);
    expect(curvePoint(0, 0, 300, 100, 1)).toEqual([300, 100]);
    // getBezierEdgeCenter: sx·⅛ + c1x·⅜ + c2x·⅜ + tx·⅛ with c1x = 150, c2x = 150.
    expect(curvePoint(0, 0, 300, 100, 0.5)).toEqual([150, 50]);
  });

  it("puts a lone label at the middle of its handoff, whole", () => {
    const a = card(0, 0);
    const b = card(500, 0);
    const places = placeLabels([spec("h", a, b)], [a, b]);
    expect(places.get("h")).toEqual({ t: 0.5, short: false });
  });

  it("moves labels of handoffs that share their middle apart instead of piling them up", () => {
    // Two cards on the left both hand to two on the right: the crossing curves meet mid-way.
    const a = card(0, 0);
    const b = card(0, 120);
    const c = card(600, 0);
    const d = card(600, 120);
    const specs = [spec("ad", a, d), spec("bc", b, c), spec("ac", a, c), spec("bd", b, d)];
    const cards = [a, b, c, d];
    const places = placeLabels(specs, cards);
    expectClear(specs, cards, places);
    expect([...places.values()].filter(Boolean).length, "all four fit somewhere along their curves").toBe(4);
  });

  it("keeps labels off the cards between a handoff's ends", () => {
    const a = card(0, 0);
    const b = card(900, 0);
    const between = card(420, -30);
    const places = placeLabels([spec("h", a, b)], [a, b, between]);
    const p = places.get("h");
    expect(p).toBeTruthy();
    expect(p?.t, "not at the middle, where the card is").not.toBe(0.5);
    expectClear([spec("h", a, b)], [a, b, between], places);
  });

  it("places flagged handoffs first: where only one label fits, an error keeps it and a plain one goes", () => {
    // Twelve handoffs between the same two cards: the curves coincide, the labels cannot all fit.
    const a = card(0, 0);
    const b = card(500, 160);
    const text = "customer.email, consent.marketing, account.id";
    const plain = Array.from({ length: 10 }, (_, i) => spec(`p${i}`, a, b, text));
    const specs = [...plain, spec("err", a, b, text, "error"), spec("warn", a, b, text, "warning")];
    const places = placeLabels(specs, [a, b]);
    expectClear(specs, [a, b], places);
    expect(places.get("err"), "the error is shown").toBeTruthy();
    expect(places.get("warn"), "so is the warning").toBeTruthy();
    expect(
      plain.filter((s) => places.get(s.id) === null).length,
      "plain ones that do not fit are left out (shown on hover)",
    ).toBeGreaterThan(0);
  });

  it("shortens a label where only a short one fits", () => {
    const a = card(0, 0);
    const b = card(360, 0);
    const long = "x".repeat(60);
    const specs = [spec("h", a, b, long)];
    const places = placeLabels(specs, [a, b]);
    expect(places.get("h")).toEqual({ t: 0.5, short: true });
    expect(labelWidth(long, 0, false)).toBe(LABEL.maxWidth);
    expect(labelWidth(long, 0, true)).toBe(LABEL.shortWidth);
  });

  it("always shows a selected handoff's label whole, placed before all others", () => {
    const a = card(0, 0);
    const b = card(260, 0);
    const specs = [spec("err", a, b, "a", "error"), spec("sel", a, b, "x".repeat(40), null, true)];
    const places = placeLabels(specs, [a, b]);
    expect(places.get("sel")).toEqual({ t: 0.5, short: false });
    expect(labelRank(true, "error")).toBeLessThan(labelRank(false, "error"));
    expect(labelRank(false, "error")).toBeLessThan(labelRank(false, "warning"));
    expect(labelRank(false, "warning")).toBeLessThan(labelRank(false, null));
  });

  it("places thousands of labels (a grid of 2,000 cards and 8,000 handoffs) without a pair overlapping", () => {
    const cards: Rect[] = [];
    for (let i = 0; i < 2000; i++) cards.push(card((i % 50) * 300, Math.floor(i / 50) * 160));
    const specs: LabelSpec[] = [];
    for (let i = 0; i < 8000; i++)
      specs.push(spec(`h${i}`, cards[(i * 7) % 2000], cards[(i * 13 + 1) % 2000], "k", i % 9 === 0 ? "warning" : null));
    const places = placeLabels(specs, cards);
    expect(places.size).toBe(8000);
    const shown = specs.flatMap((s) => {
      const p = places.get(s.id);
      return p ? [boxOf(s, p)] : [];
    });
    expect(shown.length).toBeGreaterThan(1000);
    // Spot-check pairs via sorting by x (a full pairwise check would be slow).
    shown.sort((p, q) => p.x - q.x);
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length && shown[j].x < shown[i].x + shown[i].width; j++) {
        expect(overlap(shown[i], shown[j])).toBe(false);
      }
    }
  });
});
