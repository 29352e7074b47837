import { useMemo, useState } from "react";
import type { Paper, Sections } from "../backend";
import { useUi } from "../store/context";
import { Editable } from "../store/readOnly";
import { ExportStatus } from "./ExportStatus";
import { ALL_SECTIONS, makeOptions, PAPER_LABELS, rememberPaper, storedPaper, todayIso } from "./options";
import { OutlinePreview } from "./OutlinePreview";
import { PdfPages } from "./pages/PdfPages";
import { usePlaybookPdf } from "./pages/usePlaybookPdf";
import { PlaybookSettings } from "./PlaybookSettings";
import { PrinciplesEditor } from "./PrinciplesEditor";
import { usePlaybookExport } from "./usePlaybookExport";
import { usePlaybookOutline } from "./usePlaybookOutline";
import "./playbook.css";

/** The Design step's deliverable: principles, what goes in the PDF, and the export. */
export function PlaybookView() {
  const slug = useUi((s) => s.current?.summary.slug ?? "");
  // A new workspace starts a fresh export state (no result of another workspace's file).
  return <PlaybookPage key={slug} slug={slug} />;
}

function PlaybookPage({ slug }: { slug: string }) {
  const current = useUi((s) => s.current)!;
  const [paper, setPaper] = useState<Paper>(storedPaper);
  const [sections, setSections] = useState<Sections>(ALL_SECTIONS);
  const [anonymous, setAnonymous] = useState(false);
  const today = todayIso();
  const options = useMemo(
    () => makeOptions(paper, sections, today, "leadership", new Date(), anonymous),
    [paper, sections, today, anonymous],
  );
  const preview = usePlaybookOutline(slug, options, current.revision);
  const pdf = usePlaybookPdf(slug, options, current.revision);
  const exporter = usePlaybookExport(slug);
  const nothing = !Object.values(sections).some(Boolean);

  const choosePaper = (next: Paper) => {
    setPaper(next);
    rememberPaper(next);
  };

  return (
    <div className="pb-page">
      <main className="pb-main" aria-label="Playbook">
        <header className="pb-intro">
          <h1>Coherence playbook</h1>
          <p className="muted">
            A short PDF for leadership: the narrative arc, the principles every team keeps, a checklist per touchpoint, and where readiness
            and the handoffs stand. Lean on purpose: a playbook nobody reads has failed.
          </p>
        </header>
        {nothing ? null : <PdfPages {...pdf} />}
        <Editable>
          <PrinciplesEditor principles={current.doc.principles} />
        </Editable>
      </main>
      <aside className="pb-side" aria-label="Export the playbook">
        <section className="pb-card pb-outline-card">
          <div className="pb-card-head">
            <h2>What goes in</h2>
          </div>
          <PlaybookSettings
            paper={paper}
            sections={sections}
            anonymous={anonymous}
            disabled={exporter.busy}
            onPaper={choosePaper}
            onSections={setSections}
            onAnonymous={setAnonymous}
          />
          <OutlinePreview {...preview} />
        </section>
        <section className="pb-card pb-export">
          <button
            type="button"
            className="primary large pb-export-button"
            data-testid="playbook-export"
            disabled={exporter.busy || nothing}
            onClick={() => void exporter.start(options)}
            title={nothing ? "Switch on at least one section" : `Save the playbook as a PDF on ${PAPER_LABELS[paper]}`}
          >
            {exporter.state.kind === "choosing" ? "Choosing where to save…" : "Export PDF…"}
          </button>
          <p className="muted small">
            {PAPER_LABELS[paper]} · dated {today}
          </p>
          <ExportStatus state={exporter.state} />
        </section>
      </aside>
    </div>
  );
}
