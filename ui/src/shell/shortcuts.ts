/** Every keyboard shortcut the app has, by where it works: the list Settings shows. */
export const SHORTCUT_GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: "Everywhere",
    keys: [
      ["Ctrl+Z", "Undo (on the graph, right after Auto-layout: put the nodes back)"],
      ["Ctrl+Shift+Z or Ctrl+Y", "Redo"],
      ["Escape", "Close a menu, a dialog or the inspector; clear the selection"],
      ["Ctrl+Shift+N", "Back to now: leave the snapshot shown (Versions → Open) for the workspace as it is"],
    ],
  },
  {
    title: "Coherence Stack",
    keys: [
      ["Ctrl+N", "New touchpoint in the selected stage, ready to name"],
      ["Ctrl+F", "Find cards by name or text (Escape in the field shows them all again)"],
      ["Tab / Shift+Tab", "Move between cards"],
      ["Delete", "Delete the selected card"],
      ["F2 or Enter", "Rename the focused stage"],
      ["Alt+← / Alt+→", "Move the focused stage"],
      ["↑ / ↓", "Raise or lower the focused point of the emotional arc"],
    ],
  },
  {
    title: "Handoff graph",
    keys: [
      ["Ctrl+N", "New touchpoint, ready to name"],
      ["Ctrl+F", "Find a node"],
      ["Ctrl+Shift+L", "Auto-layout"],
      ["F", "Zoom to fit"],
      ["F2", "Rename the selected node"],
      ["Delete or Backspace", "Delete the selection"],
    ],
  },
  {
    title: "Readiness score grid",
    keys: [
      ["← → ↑ ↓", "Move between cells"],
      ["Home / End", "First or last dimension"],
      ["1 to 5", "Score the cell and move on"],
      ["0, Backspace or Delete", "Clear the score"],
      ["Tab", "Leave the grid"],
    ],
  },
  {
    title: "Text fields",
    keys: [
      ["Enter", "Save the field"],
      ["Shift+Enter", "New line in a longer text"],
      ["Escape", "Put back the saved text"],
    ],
  },
];
