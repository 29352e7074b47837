import { describe, expect, it } from "vitest";
import type { Edit } from "../backend";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { WorkspaceStore } from "./workspaceStore";

const rename: Edit = { type: "set_info", info: { ...nexusFlow().workspace, name: "Renamed" } };

async function started(backend: MemoryBackend) {
  const store = new WorkspaceStore(backend);
  await store.init();
  return store;
}

describe("the store patches its document with what an edit changed", () => {
  it("applies an edit, its undo and its redo without reading the workspace again", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const store = await started(backend);
    const opens = () => backend.calls.filter((c) => c.method === "openWorkspace").length;
    const opened = opens();
    const stage = store.getState().current?.doc.stages[0];
    if (!stage) throw new Error("the fixture has stages");

    await store.edit({ type: "delete_stage", id: stage.id });
    expect(store.getState().current?.doc).toEqual(backend.doc("nexusflow-first-30-days"));
    expect(store.getState().current?.undo?.label).toMatch(/Delete stage/);

    await store.undo();
    expect(store.getState().current?.doc.stages[0]).toEqual(stage);
    expect(store.getState().current?.redo).not.toBeNull();

    await store.redo();
    await store.edit(rename);
    expect(store.getState().current?.doc).toEqual(backend.doc("nexusflow-first-30-days"));
    expect(store.getState().current?.summary.name).toBe("Renamed");
    expect(opens(), "no edit, undo or redo read the whole workspace").toBe(opened);
  });

  it("reads the workspace again when someone else wrote in between", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const store = await started(backend);
    const slug = "nexusflow-first-30-days";
    // Another window renames it; this window has not heard yet.
    await backend.applyEdit(slug, rename);
    const opened = backend.calls.filter((c) => c.method === "openWorkspace").length;

    const stage = backend.doc(slug).stages[0];
    await store.edit({ type: "delete_stage", id: stage.id });

    expect(backend.calls.filter((c) => c.method === "openWorkspace").length).toBe(opened + 1);
    expect(store.getState().current?.doc).toEqual(backend.doc(slug));
    expect(store.getState().current?.doc.workspace.name, "the other window's change shows too").toBe("Renamed");
  });
});

describe("the audit after an edit", () => {
  const audits = (backend: MemoryBackend) => backend.calls.filter((c) => c.method === "auditWorkspace").length;

  it("is asked for as soon as the edit is saved, once, while a view shows the audit", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const store = await started(backend);
    const slug = store.getState().current?.summary.slug ?? "";

    await store.edit(rename);
    expect(audits(backend), "nobody shows the audit: none asked").toBe(0);

    const stop = store.watchAudit();
    await store.edit({ type: "set_info", info: { ...nexusFlow().workspace, name: "Renamed again" } });
    expect(audits(backend), "asked with the edit's answer").toBe(1);
    const revision = store.getState().current?.revision ?? -1;
    const report = await store.auditAt(slug, revision);
    expect(report.summary.nothing_to_check).toBe(false);
    expect(audits(backend), "the view's ask is the same answer").toBe(1);

    await store.auditAt(slug, revision - 1);
    expect(audits(backend), "another revision is asked for").toBe(2);
    stop();
    await store.undo();
    expect(audits(backend), "nobody shows it any more").toBe(2);
  });

  it("is asked for afresh after the workspace is read whole", async () => {
    const backend = new MemoryBackend([nexusFlow()]);
    const store = await started(backend);
    const { slug } = store.getState().current?.summary ?? { slug: "" };
    const revision = store.getState().current?.revision ?? -1;
    await store.auditAt(slug, revision);
    await store.openWorkspace(slug);
    await store.auditAt(slug, revision);
    expect(audits(backend)).toBe(2);
  });
});
