/** Tells every snapshot list in the window that the snapshots of a workspace changed. */
export function snapshotsChanged(slug: string): void {
  window.dispatchEvent(new CustomEvent("throughline:snapshots", { detail: slug }));
}

/** Calls `listener` with the slug whenever snapshots change; returns the function that stops. */
export function onSnapshotsChanged(listener: (slug: string) => void): () => void {
  const handle = (e: Event) => listener(String((e as CustomEvent).detail));
  window.addEventListener("throughline:snapshots", handle);
  return () => window.removeEventListener("throughline:snapshots", handle);
}
