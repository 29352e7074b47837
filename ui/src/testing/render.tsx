import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import type { Lens } from "../lens/lens";
import { LensProvider, useLens, useSetLens } from "../lens/LensContext";
import { StoreProvider } from "../store/context";
import { WorkspaceStore } from "../store/workspaceStore";
import type { MemoryBackend } from "./memoryBackend";

/** Hands the lens setter of the window, and the lens shown, to the test. */
function LensHandle({ onSet, onLens }: { onSet: (set: (lens: Lens | null) => void) => void; onLens: (lens: Lens | null) => void }) {
  onSet(useSetLens());
  onLens(useLens());
  return null;
}

/** Renders the whole app over a test backend and waits until it has started. */
export async function renderApp(backend: MemoryBackend) {
  const store = new WorkspaceStore(backend);
  const user = userEvent.setup();
  let setter: (lens: Lens | null) => void = () => {};
  let shown: Lens | null = null;
  const view = render(
    <StoreProvider store={store}>
      <LensProvider>
        <LensHandle
          onSet={(s) => {
            setter = s;
          }}
          onLens={(l) => {
            shown = l;
          }}
        />
        <App />
      </LensProvider>
    </StoreProvider>,
  );
  await screen.findByTestId("workspace-switcher");
  await store.init();
  /** Shows `lens` over the views, as the Compare, Monitor and Reality views do. */
  const setLens = (lens: Lens | null) => act(() => setter(lens));
  /** The lens shown over the views now. */
  const lens = () => shown;
  return { store, user, setLens, lens, ...view };
}
