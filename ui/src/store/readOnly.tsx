import { type ReactNode, useContext, useSyncExternalStore } from "react";
import { StoreContext } from "./context";
import { baseSlug } from "./snapshotRef";

const never = () => () => {};

/**
 * True while the window shows a snapshot: every edit affordance asks this one hook and
 * offers nothing (the store also refuses to send an edit then). False outside a store.
 */
export function useReadOnly(): boolean {
  const store = useContext(StoreContext);
  return useSyncExternalStore(store?.subscribe ?? never, () => store?.getState().viewing != null);
}

/** The plain slug of the open workspace (also while one of its snapshots is shown): for versions calls. */
export function useBaseSlug(): string {
  const store = useContext(StoreContext);
  return useSyncExternalStore(store?.subscribe ?? never, () => baseSlug(store?.getState().current?.summary.slug ?? ""));
}

/**
 * A group of edit controls that a native `<fieldset disabled>` switches off while a
 * snapshot is shown. It draws no box of its own (`display: contents`).
 */
export function Editable({ children, className }: { children: ReactNode; className?: string }) {
  const readOnly = useReadOnly();
  return (
    <fieldset className={`editable${className ? ` ${className}` : ""}`} disabled={readOnly} data-readonly={readOnly || undefined}>
      {children}
    </fieldset>
  );
}
