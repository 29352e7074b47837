import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { Clamped } from "../components/Clamped";
import { CommitText } from "../components/CommitText";
import { useMarks } from "../lens/LensContext";
import { MarkBadges, toneClass } from "../lens/MarkBadges";
import { KIND_ICON, KIND_LABEL } from "../model/layers";
import { useGraphCallbacks } from "./context";
import { countText, SEVERITY_ICON } from "./labels";
import type { ElementNode as ElementNodeType } from "./mapping";

/** A compact card for one element: kind, name, team, and its worst open finding. */
function ElementNodeView({ id, data, selected }: NodeProps<ElementNodeType>) {
  const { rename, stopRenaming } = useGraphCallbacks();
  const sev = data.severity;
  const marks = useMarks("elements", id);
  return (
    <div
      className={`gnode kind-${data.kind}${sev ? ` sev-${sev}` : ""}${selected ? " selected" : ""}${data.ghost ? " is-ghost" : ""}${toneClass(marks)}`}
      data-testid="graph-node"
      data-node-id={id}
      data-kind={data.kind}
      data-severity={sev ?? "none"}
      title={data.name}
    >
      <Handle type="target" position={Position.Left} className="ghandle" />
      <div className="gnode-top">
        <span className="gnode-kind">
          <span aria-hidden="true">{KIND_ICON[data.kind]}</span> {KIND_LABEL[data.kind]}
        </span>
        {sev ? (
          <span className={`gflag sev-${sev}`} data-testid="graph-node-flag">
            <span aria-hidden="true">{SEVERITY_ICON[sev]}</span> {countText(data.open, sev)}
          </span>
        ) : data.waived > 0 ? (
          <span className="gflag waived">waived</span>
        ) : null}
      </div>
      {data.renaming ? (
        <CommitText
          className="gnode-rename nodrag"
          data-testid="graph-node-name-input"
          aria-label="Name"
          autoFocus
          required
          value={data.name}
          onCommit={(name) => rename(id, name)}
          onDone={stopRenaming}
        />
      ) : (
        <Clamped as="div" className="gnode-name" text={data.name} />
      )}
      <MarkBadges marks={marks} className="gnode-marks" />
      {(data.team || data.channel) && (
        <Clamped as="div" className="gnode-meta" lines={1} text={[data.team, data.channel].filter(Boolean).join(" · ")} />
      )}
      <Handle type="source" position={Position.Right} className="ghandle" />
    </div>
  );
}

export const ElementNode = memo(ElementNodeView);
