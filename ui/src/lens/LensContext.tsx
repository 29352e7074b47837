import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { Workspace } from "../backend";
import { type Lens, lensedDoc, type LensedDoc, type Mark, type MarkTarget, marksOn } from "./lens";

interface LensValue {
  lens: Lens | null;
  setLens: (lens: Lens | null) => void;
}

const LensContext = createContext<LensValue>({ lens: null, setLens: () => {} });

/** Holds the window's active lens (at most one) for the views under it. */
export function LensProvider({ children }: { children: ReactNode }) {
  const [lens, setLens] = useState<Lens | null>(null);
  const value = useMemo(() => ({ lens, setLens }), [lens]);
  return <LensContext.Provider value={value}>{children}</LensContext.Provider>;
}

/** The active lens, or null. */
export function useLens(): Lens | null {
  return useContext(LensContext).lens;
}

/** Shows `lens` over the views, or none with null. */
export function useSetLens(): (lens: Lens | null) => void {
  return useContext(LensContext).setLens;
}

/** The active lens's marks on one item. */
export function useMarks(target: MarkTarget, id: string): readonly Mark[] {
  return marksOn(useLens(), target, id);
}

/** The document a view draws: the workspace plus the active lens's ghosts. */
export function useLensedDoc(doc: Workspace): LensedDoc {
  const lens = useLens();
  return useMemo(() => lensedDoc(doc, lens), [doc, lens]);
}
