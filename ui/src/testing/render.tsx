import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import { StoreProvider } from "../store/context";
import { WorkspaceStore } from "../store/workspaceStore";
import type { MemoryBackend } from "./memoryBackend";

/** Renders the whole app over a test backend and waits until it has started. */
export async function renderApp(backend: MemoryBackend) {
  const store = new WorkspaceStore(backend);
  const user = userEvent.setup();
  const view = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  await screen.findByTestId("workspace-switcher");
  await store.init();
  return { store, user, ...view };
}
