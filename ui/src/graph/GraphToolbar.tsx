import { forwardRef, useRef, useState } from "react";
import { Clamped } from "../components/Clamped";
import { useDismiss } from "../components/useDismiss";
import type { Element, ElementKind } from "../backend";
import { ALL_KINDS, KIND_ICON, KIND_LABEL } from "../model/layers";
import { Editable, useReadOnly } from "../store/readOnly";

interface Props {
  elements: Element[];
  laying: boolean;
  onAdd: (kind: ElementKind) => void;
  onFind: (id: string) => void;
  onLayout: () => void;
  onCancelLayout: () => void;
  onFit: () => void;
}

/** Add by kind, search that centres on a node, automatic layout and zoom to fit. */
export const GraphToolbar = forwardRef<HTMLInputElement, Props>(function GraphToolbar(
  { elements, laying, onAdd, onFind, onLayout, onCancelLayout, onFit },
  searchRef,
) {
  const readOnly = useReadOnly();
  const [menu, setMenu] = useState(false);
  const addMenu = useRef<HTMLDivElement>(null);
  useDismiss(menu, addMenu, () => setMenu(false));
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const q = query.trim().toLowerCase();
  const matches = q ? elements.filter((e) => e.name.toLowerCase().includes(q) || e.id.includes(q)).slice(0, 8) : [];
  const pick = (e: Element | undefined) => {
    if (!e) return;
    onFind(e.id);
    setQuery("");
  };
  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph">
      <Editable>
        <div className="add-menu" ref={addMenu}>
          <button
            type="button"
            className="primary"
            data-testid="graph-add"
            aria-haspopup="menu"
            aria-expanded={menu}
            onClick={() => setMenu(!menu)}
          >
            + Add
          </button>
          {menu && (
            <div className="menu" role="menu">
              {ALL_KINDS.map((k) => (
                <button
                  key={k}
                  type="button"
                  role="menuitem"
                  className={`menu-item kind-${k}`}
                  data-testid={`graph-add-${k}`}
                  onClick={() => {
                    setMenu(false);
                    onAdd(k);
                  }}
                >
                  <span className="kind-dot" aria-hidden="true">
                    {KIND_ICON[k]}
                  </span>{" "}
                  {KIND_LABEL[k]}
                </button>
              ))}
            </div>
          )}
        </div>
      </Editable>
      <div className="graph-search">
        <input
          ref={searchRef}
          type="search"
          data-testid="graph-search"
          placeholder="Find a node (Ctrl+F)"
          aria-label="Find a node"
          value={query}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls="graph-search-results"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive(Math.min(active + 1, matches.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive(Math.max(active - 1, 0));
            } else if (e.key === "Enter") {
              e.preventDefault();
              pick(matches[active]);
            } else if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              setQuery("");
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
        {matches.length > 0 && (
          <ul className="menu search-results" id="graph-search-results" role="listbox">
            {matches.map((e, i) => (
              <li key={e.id} role="option" aria-selected={i === active}>
                <button
                  type="button"
                  className={`menu-item kind-${e.kind}`}
                  data-testid="graph-search-result"
                  data-node-id={e.id}
                  onMouseDown={(ev) => ev.preventDefault()}
                  onClick={() => pick(e)}
                >
                  <span className="kind-dot" aria-hidden="true">
                    {KIND_ICON[e.kind]}
                  </span>{" "}
                  <Clamped className="grow" lines={1} text={e.name} />
                  <span className="muted small">{KIND_LABEL[e.kind]}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Editable>
        <button
          type="button"
          data-testid="graph-layout"
          onClick={onLayout}
          disabled={laying}
          aria-busy={laying}
          title="Arrange the graph left to right (Ctrl+Shift+L)"
        >
          {laying ? (
            <>
              <span className="spinner" aria-hidden="true" /> Arranging…
            </>
          ) : (
            "Auto-layout"
          )}
        </button>
      </Editable>
      {laying && (
        <button
          type="button"
          data-testid="graph-layout-cancel"
          onClick={onCancelLayout}
          title="Stop arranging; the nodes stay where they are"
        >
          Cancel
        </button>
      )}
      <button
        type="button"
        data-testid="graph-fit"
        onClick={onFit}
        title="Show as much of the graph as fits at a readable size; a graph too big for that is shown as the overview (F)"
      >
        Zoom to fit
      </button>
      <span className="grow" />
      {readOnly ? (
        <span className="muted small graph-hint">A snapshot: look, search and zoom; nothing here can be changed.</span>
      ) : (
        <span className="muted small graph-hint">
          Drag from a node’s right edge to another node to add a handoff · <kbd>F2</kbd> rename · <kbd>Del</kbd> delete
        </span>
      )}
    </div>
  );
});
