import type { Paper, Sections } from "../backend";
import { PAPER_LABELS, SECTION_LABELS, SECTION_ORDER } from "./options";

interface Props {
  paper: Paper;
  sections: Sections;
  /** Raters appear as "Rater A", "Rater B" … in the PDF. */
  anonymous?: boolean;
  disabled: boolean;
  onPaper: (paper: Paper) => void;
  onSections: (sections: Sections) => void;
  onAnonymous?: (anonymous: boolean) => void;
}

/** Which sections go in, and the paper size. */
export function PlaybookSettings({ paper, sections, anonymous = false, disabled, onPaper, onSections, onAnonymous }: Props) {
  return (
    <div className="pb-settings">
      <fieldset className="pb-sections" disabled={disabled}>
        <legend>Sections</legend>
        {SECTION_ORDER.map((section) => (
          <label key={section} className="pb-section-option" title={SECTION_LABELS[section].hint}>
            <input
              type="checkbox"
              data-testid="playbook-section-toggle"
              data-section={section}
              checked={sections[section]}
              onChange={(e) => onSections({ ...sections, [section]: e.target.checked })}
            />
            <span className="pb-section-label">{SECTION_LABELS[section].label}</span>
          </label>
        ))}
      </fieldset>
      <label className="pb-paper">
        <span>Paper</span>
        <select
          data-testid="playbook-paper"
          value={paper}
          disabled={disabled}
          onChange={(e) => onPaper(e.target.value === "letter" ? "letter" : "a4")}
        >
          {(Object.keys(PAPER_LABELS) as Paper[]).map((p) => (
            <option key={p} value={p}>
              {PAPER_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {onAnonymous && (
        <label className="pb-section-option" title="For a PDF that travels: raters become Rater A, Rater B … and their notes are left out">
          <input
            type="checkbox"
            data-testid="playbook-anonymous"
            checked={anonymous}
            disabled={disabled}
            onChange={(e) => onAnonymous(e.target.checked)}
          />
          <span className="pb-section-label">Anonymous raters</span>
        </label>
      )}
    </div>
  );
}
