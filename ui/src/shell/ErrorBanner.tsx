import { describePath } from "../store/problems";
import { useUi, useWorkspaceStore } from "../store/context";
import { adviceFor } from "./errorAdvice";

/**
 * The backend's message, shown until dismissed; never swallowed. Where the user can act
 * (a newer library, a busy one, a damaged file) it says what to do; a refused change lists
 * each problem by the thing it concerns (the fields also show their own).
 */
export function ErrorBanner() {
  const error = useUi((s) => s.error);
  const doc = useUi((s) => s.current?.doc ?? null);
  const ready = useUi((s) => s.ready && s.current !== null);
  const store = useWorkspaceStore();
  if (!error) return null;
  const advice = adviceFor(error.code);
  return (
    <div className={`error-banner code-${error.code}`} role="alert" data-testid="error-banner" data-code={error.code}>
      <div className="error-text">
        <strong>{advice ? advice.title : error.context}.</strong> {error.problems.length === 0 && <span>{error.message}</span>}
        {error.problems.length > 0 && (
          <ul className="error-problems" data-testid="error-problems">
            {error.problems.map((p, i) => (
              <li key={i}>
                <span className="error-where">{describePath(p.path, doc)}</span>: {p.message}
              </li>
            ))}
          </ul>
        )}
        {advice && (
          <p className="error-advice" data-testid="error-advice">
            {advice.advice}
          </p>
        )}
      </div>
      {advice?.retry && (
        <button type="button" data-testid="error-retry" onClick={() => void (ready ? store.dismissError() : store.init())}>
          Try again
        </button>
      )}
      <button type="button" className="ghost" onClick={store.dismissError} aria-label="Dismiss the message">
        Dismiss
      </button>
    </div>
  );
}
