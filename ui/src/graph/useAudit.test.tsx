import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WorkspaceStore } from "../store/workspaceStore";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { useAudit } from "./useAudit";

async function opened() {
  const backend = new MemoryBackend([nexusFlow()]);
  const store = new WorkspaceStore(backend);
  await store.init();
  const current = store.getState().current;
  if (!current) throw new Error("the fixture opens");
  return { backend, store, slug: current.summary.slug, revision: current.revision };
}

describe("the audit a view shows", () => {
  it("says it is checking only once an audit takes a while, and which revision the answer is of", async () => {
    const { backend, store, slug, revision } = await opened();
    const release = backend.hold();
    const { result } = renderHook(() => useAudit(store, slug, revision));
    expect(result.current.status.kind).toBe("idle");
    expect(result.current.revision).toBeNull();
    await waitFor(() => expect(result.current.status.kind).toBe("running"));
    act(() => release());
    await waitFor(() => expect(result.current.status.kind).toBe("idle"));
    expect(result.current.revision).toBe(revision);
    expect(result.current.report).not.toBeNull();
  });

  it("shows a quick answer without saying 'Checking…' first", async () => {
    const { store, slug, revision } = await opened();
    const seen: string[] = [];
    const { result } = renderHook(() => {
      const audit = useAudit(store, slug, revision);
      seen.push(audit.status.kind);
      return audit;
    });
    await waitFor(() => expect(result.current.revision).toBe(revision));
    expect(seen).not.toContain("running");
  });
});
