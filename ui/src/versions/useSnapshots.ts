import { useCallback, useEffect, useState } from "react";
import type { SnapshotInfo } from "../backend";
import { toBackendError } from "../backend";
import { useWorkspaceStore } from "../store/context";
import { onSnapshotsChanged } from "./snapshotEvents";

/** The snapshots of the workspace `slug`, newest first, read again whenever they change. */
export function useSnapshots(slug: string) {
  const store = useWorkspaceStore();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setSnapshots(await store.backend.listSnapshots(slug));
      setError(null);
    } catch (e) {
      setError(toBackendError(e).message);
    }
  }, [store, slug]);
  useEffect(() => {
    void load();
    return onSnapshotsChanged((changed) => {
      if (changed === slug) void load();
    });
  }, [load, slug]);
  return { snapshots, error };
}
