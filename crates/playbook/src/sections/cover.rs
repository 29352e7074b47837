//! The cover: workspace name, date, the vision statement, and what the playbook holds.

use throughline_model::Workspace;

use super::Section;
use super::facts::Facts;
use crate::PlaybookOptions;
use crate::fonts::Face;
use crate::layout::{Flow, Item, Row, clamped_rows, measure, rect, text_rows};
use crate::style::{ACCENT, BODY, INK, LABEL, MUTED, SMALL, TITLE, TextStyle};

/// The most lines the workspace's name takes on the cover.
const TITLE_LINES: usize = 4;

const VISION: TextStyle = TextStyle {
    face: Face::Regular,
    size: 15.0,
    color: INK,
    leading: 22.0,
};

const VERDICT: TextStyle = TextStyle {
    face: Face::Bold,
    size: 12.5,
    color: ACCENT,
    leading: 17.0,
};

/// Lays out the cover page.
pub(super) fn render(
    flow: &mut Flow,
    ws: &Workspace,
    facts: &Facts<'_>,
    options: &PlaybookOptions,
) {
    flow.new_plain_page();
    let geo = flow.geo;
    let width = geo.content_width();
    flow.gap(70.0);
    flow.place(Row::space(14.0).with_text(geo.left, LABEL.colored(ACCENT), "COHERENCE PLAYBOOK"));
    flow.gap(10.0);
    let name = if ws.workspace.name.trim().is_empty() {
        "Untitled workspace"
    } else {
        &ws.workspace.name
    };
    // A title of a few lines; a longer name is cut (the running header cuts it to one line).
    flow.place_all(clamped_rows(name, TITLE, geo.left, width, TITLE_LINES));
    flow.gap(14.0);
    flow.place(Row::space(4.0).with(Item::Shape {
        points: rect(geo.left, 0.0, 48.0, 3.0),
        fill: ACCENT,
        stroke: None,
    }));
    flow.gap(12.0);
    if !options.generated_on.trim().is_empty() {
        let date = format!("Prepared {}", options.generated_on.trim());
        flow.place_all(text_rows(&date, SMALL, geo.left, width));
    }
    flow.gap(56.0);
    flow.place(Row::space(14.0).with_text(geo.left, LABEL, "VISION"));
    flow.gap(6.0);
    if ws.workspace.vision.trim().is_empty() {
        let none = "No vision statement has been written yet. Agreeing one is the first step.";
        flow.place_all(text_rows(none, VISION.colored(MUTED), geo.left, width));
    } else {
        flow.place_all(text_rows(
            ws.workspace.vision.trim(),
            VISION,
            geo.left,
            width,
        ));
    }
    flow.gap(30.0);
    flow.place(Row::space(14.0).with_text(geo.left, LABEL, "READINESS"));
    flow.gap(4.0);
    let (line, style) = match facts.verdict_line() {
        Some(line) => (format!("{line}."), VERDICT),
        None => (
            "Not assessed yet: no readiness session has been scored.".to_string(),
            VERDICT.colored(MUTED),
        ),
    };
    flow.place_all(text_rows(&line, style, geo.left, width));
    if let Some((session, _)) = &facts.readiness {
        let when = format!(
            "Latest session: {}, {}",
            session.name.trim(),
            session.date.trim()
        );
        flow.place_all(text_rows(&when, SMALL, geo.left, width));
    }
}

/// Prints the list of sections and their first pages at the foot of the cover, when the
/// cover's text left room for it.
pub(super) fn contents(flow: &mut Flow, starts: &[(Section, usize)], facts: &Facts<'_>) {
    let geo = flow.geo;
    let listed: Vec<&(Section, usize)> = starts
        .iter()
        .filter(|(s, _)| *s != Section::Cover)
        .collect();
    if listed.is_empty() || flow.pages.is_empty() {
        return;
    }
    // The cover text ends on the cover itself only if the next section starts on page 2.
    let cover_fits = starts
        .iter()
        .skip_while(|(s, _)| *s != Section::Cover)
        .nth(1)
        .is_none_or(|(_, first)| *first == 2);
    let row = BODY.leading + 2.0;
    let height = 22.0 + row * listed.len() as f32;
    let top = geo.bottom - height;
    let Some(cover) = flow.pages.first_mut() else {
        return;
    };
    let text_bottom = cover
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { baseline, .. } => Some(*baseline),
            _ => None,
        })
        .fold(0.0, f32::max);
    if !cover_fits || text_bottom + 30.0 > top {
        return;
    }
    let number_x = geo.left + 250.0_f32.min(geo.content_width());
    cover
        .items
        .push(Item::text(geo.left, top + 10.0, LABEL, "IN THIS PLAYBOOK"));
    for (i, (section, page)) in listed.iter().enumerate() {
        let baseline = top + 22.0 + row * i as f32 + BODY.size;
        let title =
            crate::layout::ellipsize(&facts.title(*section), BODY, number_x - geo.left - 30.0);
        cover
            .items
            .push(Item::text(geo.left, baseline, BODY, title));
        let number = page.to_string();
        let w = measure(&number, BODY);
        cover.items.push(Item::text(
            number_x - w,
            baseline,
            BODY.colored(MUTED),
            number,
        ));
    }
}
