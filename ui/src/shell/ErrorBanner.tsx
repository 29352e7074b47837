import { useUi, useWorkspaceStore } from "../store/context";

/** The backend's message, shown until dismissed; never swallowed. */
export function ErrorBanner() {
  const error = useUi((s) => s.error);
  const store = useWorkspaceStore();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{error.context}.</strong> <span>{error.message}</span>
      <button type="button" className="ghost" onClick={store.dismissError} aria-label="Dismiss the message">
        Dismiss
      </button>
    </div>
  );
}
