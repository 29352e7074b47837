import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/700.css";
import "./styles/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createBackend } from "./backend";
import { LensProvider } from "./lens/LensContext";
import { StoreProvider } from "./store/context";
import { WorkspaceStore } from "./store/workspaceStore";

const root = createRoot(document.getElementById("root")!);
void createBackend().then((backend) => {
  const store = new WorkspaceStore(backend);
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <LensProvider>
          <App />
        </LensProvider>
      </StoreProvider>
    </StrictMode>,
  );
});
