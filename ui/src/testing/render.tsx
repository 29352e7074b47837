import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import type { Lens } from "../lens/lens";
import { LensProvider, useSetLens } from "../lens/LensContext";
import { StoreProvider } from "../store/context";
import { WorkspaceStore } from "../store/workspaceStore";
import type { MemoryBackend } from "./memoryBackend";

/** Hands the lens setter of the window to the test. */
function LensHandle({ onSet }: { onSet: (set: (lens: Lens | null) => void) => void }) {
  onSet(useSetLens());
  return null;
}

/** Renders the whole app over a test backend and waits until it has started. */
export async function renderApp(backend: MemoryBackend) {
  const store = new WorkspaceStore(backend);
  const user = userEvent.setup();
  let setter: (lens: Lens | null) => void = () => {};
  const view = render(
    <StoreProvider store={store}>
      <LensProvider>
        <LensHandle
          onSet={(s) => {
            setter = s;
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
  return { store, user, setLens, ...view };
}
