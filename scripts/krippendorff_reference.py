#!/usr/bin/env python3
"""Regenerates the reference values for Throughline's Krippendorff's alpha.

The Rust crate `throughline-readiness` computes ordinal alpha itself; its test
`crates/readiness/tests/alpha_reference.rs` compares that result with the values this
script writes, computed by the `krippendorff` package from PyPI. The test needs no Python:
run this script only when a case is added or changed, and commit the JSON it writes.

    pip install krippendorff
    python3 scripts/krippendorff_reference.py

Each case is a reliability matrix: one row per rater, one column per unit (a readiness
dimension), `None` where the rater skipped. Where the package cannot give a value (nothing
pairable, or no variation at all), the expected alpha is `null` and the Rust code must
answer "undefined" too.
"""

import importlib.metadata
import json
import math
import random
import re
import warnings
from pathlib import Path

import krippendorff
import numpy as np

VALUE_DOMAIN = [1, 2, 3, 4, 5]
OUT = Path(__file__).resolve().parent.parent / "crates/readiness/tests/fixtures/alpha_reference.json"

_ = None  # a skipped score, to keep the matrices below readable


def seeded(seed, raters, units, skip_rate, centre):
    """A reproducible matrix: scores scattered around `centre`, some skipped."""
    rng = random.Random(seed)
    rows = []
    for _r in range(raters):
        row = []
        for u in range(units):
            if rng.random() < skip_rate:
                row.append(None)
            else:
                value = round(centre[u % len(centre)] + rng.gauss(0, 1))
                row.append(min(5, max(1, value)))
        rows.append(row)
    return rows


CASES = [
    ("two_raters_close", "Two raters, every dimension scored, never more than a point apart.",
     [[3, 2, 4, 3, 2, 3],
      [3, 3, 4, 2, 2, 3]]),
    ("two_raters_with_skips", "Two raters; each skipped a different dimension.",
     [[4, _, 3, 2, 5, 1],
      [4, 2, 3, _, 4, 2]]),
    ("three_raters_near_agreement", "Three raters who agree almost everywhere.",
     [[5, 2, 3, 4, 1, 3],
      [5, 2, 3, 4, 2, 3],
      [4, 2, 3, 4, 1, 3]]),
    ("four_raters_with_skips", "Four raters, several skipped scores, one dimension scored by one rater only.",
     [[2, 3, _, 4, 1, 5],
      [2, _, _, 4, 2, 4],
      [_, 3, 4, 5, 1, _],
      [3, 4, _, 3, _, 5]]),
    ("eight_raters_mixed", "Eight raters, a workshop-sized room with moderate disagreement.",
     [[3, 2, 4, 3, 2, 3],
      [4, 2, 3, 3, 3, 2],
      [3, 1, 4, 2, 2, 3],
      [2, 2, 5, 3, 1, 4],
      [3, 3, 4, 4, 2, 3],
      [4, 1, 3, 3, 2, 2],
      [3, 2, 4, _, 3, 3],
      [_, 2, 4, 3, 2, _]]),
    ("eight_raters_strong_disagreement", "Eight raters split into two camps on every dimension.",
     [[1, 5, 1, 5, 1, 5],
      [5, 1, 5, 1, 5, 1],
      [1, 5, 1, 5, 1, 5],
      [5, 1, 5, 1, 5, 1],
      [2, 4, 1, 5, 2, 4],
      [4, 2, 5, 1, 4, 2],
      [1, 5, 2, 4, 1, 5],
      [5, 1, 4, 2, 5, 1]]),
    ("two_raters_opposed", "Two raters who disagree systematically: alpha below zero.",
     [[1, 2, 4, 5, 1, 5],
      [5, 4, 2, 1, 4, 2]]),
    ("identical_raters_varied_dimensions", "Three raters giving the very same scores, which differ between dimensions.",
     [[1, 2, 3, 4, 5, 3],
      [1, 2, 3, 4, 5, 3],
      [1, 2, 3, 4, 5, 3]]),
    ("only_one_pairable_dimension", "Three raters, but only Strategy was scored by more than one of them.",
     [[2, 5, _, _, _, _],
      [4, _, 1, _, _, _],
      [3, _, _, 3, _, _]]),
    ("krippendorff_2011_example", "The worked example of Krippendorff (2011): 4 coders, 12 units, missing values.",
     [[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]]),
    ("seeded_five_raters", "Five raters, scattered scores, about a fifth skipped (seed 7).",
     seeded(7, 5, 6, 0.2, [3, 2, 3, 4, 2, 3])),
    ("seeded_eight_raters", "Eight raters, scattered scores, about a tenth skipped (seed 42).",
     seeded(42, 8, 6, 0.1, [4, 2, 3, 3, 1, 5])),
    ("seeded_twelve_raters_many_skips", "Twelve raters, a third of the scores skipped (seed 2024).",
     seeded(2024, 12, 6, 0.33, [2, 3, 4, 2, 3, 3])),
    # Undefined cases: the package cannot give a number, and neither should we.
    ("all_scores_identical", "Every rater gives 3 everywhere: no variation, alpha is undefined.",
     [[3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3]]),
    ("one_rater", "A single rater: nothing to compare, alpha is undefined.",
     [[3, 2, 4, 3, 2, 3]]),
    ("no_dimension_scored_twice", "Two raters who never scored the same dimension: alpha is undefined.",
     [[3, _, 4, _, 2, _],
      [_, 2, _, 3, _, 5]]),
]


def ordinal_alpha(rows):
    """The package's ordinal alpha, or None where it has no value."""
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = krippendorff.alpha(
                reliability_data=data,
                value_domain=VALUE_DOMAIN,
                level_of_measurement="ordinal",
            )
    except ValueError:
        return None
    return None if math.isnan(value) or math.isinf(value) else float(value)


def main():
    cases = []
    for name, description, rows in CASES:
        cases.append({
            "name": name,
            "description": description,
            "raters": rows,
            "alpha": ordinal_alpha(rows),
        })
    doc = {
        "generated_by": "scripts/krippendorff_reference.py",
        "package": f"krippendorff {importlib.metadata.version('krippendorff')} (PyPI)",
        "level_of_measurement": "ordinal",
        "value_domain": VALUE_DOMAIN,
        "layout": "raters[rater][unit]; null is a skipped score",
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=2)
    # One rater per line: the matrices stay readable in a diff.
    text = re.sub(r"\[\s+([^\[\]]*?)\s+\]", lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)
    OUT.write_text(text + "\n")
    for case in cases:
        alpha = "undefined" if case["alpha"] is None else f"{case['alpha']:.12f}"
        print(f"{case['name']:<40} {alpha}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
