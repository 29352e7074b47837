import { describe, expect, it } from "vitest";
import type { Element, Stage } from "../backend";
import { moveCard } from "../stack/moveCard";

const stages: Stage[] = ["a", "b", "c", "d"].map((id) => ({ id, name: id, emotion: 0, moment: "" }));
const card = (s: string[]): Element => ({ id: "x", kind: "touchpoint", name: "X", stages: s });

describe("dragging a card to another stage column", () => {
  it("moves a one-stage card to the target stage", () => {
    expect(moveCard(card(["a"]), ["a"], "a", { type: "lane", stageId: "c" }, stages)?.stages).toEqual(["c"]);
  });
  it("shifts a multi-stage run by the distance dragged, kept inside the journey", () => {
    expect(moveCard(card(["a", "b"]), ["a", "b"], "b", { type: "lane", stageId: "c" }, stages)?.stages).toEqual(["b", "c"]);
    expect(moveCard(card(["a", "b"]), ["a", "b"], "a", { type: "lane", stageId: "d" }, stages)?.stages).toEqual(["c", "d"]);
  });
  it("takes the run off every stage when dropped on No stage, and changes nothing when dropped in place", () => {
    expect(moveCard(card(["a", "c"]), ["a"], "a", { type: "lane", stageId: null }, stages)?.stages).toEqual(["c"]);
    expect(moveCard(card(["a"]), ["a"], "a", { type: "lane", stageId: "a" }, stages)).toBeNull();
  });
  it("sets a touchpoint's channel when dropped in another channel's row", () => {
    const moved = moveCard({ ...card(["a"]), channel: "web" }, ["a"], "a", { type: "lane", stageId: "a", channel: "email" }, stages);
    expect(moved?.channel).toBe("email");
  });
});
