import type { LayerDiagnosis, ReadinessReport, SessionSummary, TrendPoint, Workspace } from "../backend";

/*
 * Canned readiness figures for the shared NexusFlow sample (`assets/sample/nexusflow.throughline.json`),
 * for screenshots and browser checks of the Assess view. Test tooling: nothing here computes.
 * Session summaries: the output of `throughline readiness <sample> --session <id> --format json`.
 * Layer diagnosis and trend: written from the library's rules and words (crates/readiness/src).
 */
const SUMMARIES: Record<string, SessionSummary> = {
  "kickoff": {
    "session_id": "kickoff",
    "name": "Kick-off workshop",
    "date": "2025-02-04",
    "raters": 5,
    "dimensions": [
      {
        "dimension": "strategy",
        "mean": 2.2,
        "median": 2.0,
        "lowest": 1,
        "highest": 3,
        "count": 5,
        "spread": 2,
        "disagreement": true
      },
      {
        "dimension": "data",
        "mean": 2.2,
        "median": 2.0,
        "lowest": 1,
        "highest": 4,
        "count": 5,
        "spread": 3,
        "disagreement": true
      },
      {
        "dimension": "team",
        "mean": 2.0,
        "median": 2.0,
        "lowest": 1,
        "highest": 3,
        "count": 5,
        "spread": 2,
        "disagreement": true
      },
      {
        "dimension": "technology",
        "mean": 3.5,
        "median": 3.5,
        "lowest": 3,
        "highest": 4,
        "count": 4,
        "spread": 1,
        "disagreement": false
      },
      {
        "dimension": "culture",
        "mean": 2.8,
        "median": 3.0,
        "lowest": 2,
        "highest": 4,
        "count": 5,
        "spread": 2,
        "disagreement": true
      },
      {
        "dimension": "metrics",
        "mean": 1.5,
        "median": 1.5,
        "lowest": 1,
        "highest": 2,
        "count": 4,
        "spread": 1,
        "disagreement": false
      }
    ],
    "total": 14.2,
    "total_max": 30,
    "threshold": 18.0,
    "unscored": [],
    "verdict": {
      "kind": "foundations_first",
      "sentence": "14.2 of 30: below 18, so do the foundational work before orchestrating, starting with the weakest dimension."
    },
    "weakest": [
      "metrics"
    ],
    "recommendations": [
      {
        "dimension": "metrics",
        "mean": 1.5,
        "text": "Decide how you will know the experience holds together before scaling: pick one leading signal (such as journey completion) and one lagging result (such as retention), and give each a named owner."
      }
    ],
    "agreement": {
      "alpha": 0.2908641290154086,
      "reading": {
        "kind": "disagrees"
      },
      "words": "The room disagrees (alpha 0.29): discuss before acting, because the averages hide quite different views of where you stand."
    },
    "discuss": [
      "strategy",
      "data",
      "team",
      "culture"
    ]
  },
  "q2-check": {
    "session_id": "q2-check",
    "name": "Quarterly check-in",
    "date": "2025-05-06",
    "raters": 4,
    "dimensions": [
      {
        "dimension": "strategy",
        "mean": 3.75,
        "median": 4.0,
        "lowest": 3,
        "highest": 4,
        "count": 4,
        "spread": 1,
        "disagreement": false
      },
      {
        "dimension": "data",
        "mean": 2.75,
        "median": 2.5,
        "lowest": 2,
        "highest": 4,
        "count": 4,
        "spread": 2,
        "disagreement": true
      },
      {
        "dimension": "team",
        "mean": 3.25,
        "median": 3.0,
        "lowest": 3,
        "highest": 4,
        "count": 4,
        "spread": 1,
        "disagreement": false
      },
      {
        "dimension": "technology",
        "mean": 3.0,
        "median": 3.0,
        "lowest": 2,
        "highest": 4,
        "count": 4,
        "spread": 2,
        "disagreement": true
      },
      {
        "dimension": "culture",
        "mean": 3.5,
        "median": 3.5,
        "lowest": 3,
        "highest": 4,
        "count": 4,
        "spread": 1,
        "disagreement": false
      },
      {
        "dimension": "metrics",
        "mean": 2.3333333333333335,
        "median": 2.0,
        "lowest": 2,
        "highest": 3,
        "count": 3,
        "spread": 1,
        "disagreement": false
      }
    ],
    "total": 18.583333333333332,
    "total_max": 30,
    "threshold": 18.0,
    "unscored": [],
    "verdict": {
      "kind": "ready",
      "sentence": "18.5 of 30: at or above 18, so the foundations are there to start orchestrating; still begin with the weakest dimension."
    },
    "weakest": [
      "metrics"
    ],
    "recommendations": [
      {
        "dimension": "metrics",
        "mean": 2.3333333333333335,
        "text": "Decide how you will know the experience holds together before scaling: pick one leading signal (such as journey completion) and one lagging result (such as retention), and give each a named owner."
      }
    ],
    "agreement": {
      "alpha": 0.177554812337421,
      "reading": {
        "kind": "disagrees"
      },
      "words": "The room disagrees (alpha 0.18): discuss before acting, because the averages hide quite different views of where you stand."
    },
    "discuss": [
      "data",
      "technology"
    ]
  }
};

const TREND: TrendPoint[] = [
  {
    "session_id": "kickoff",
    "name": "Kick-off workshop",
    "date": "2025-02-04",
    "raters": 5,
    "total": 14.2,
    "verdict": "foundations_first",
    "means": [
      {
        "dimension": "strategy",
        "mean": 2.2
      },
      {
        "dimension": "data",
        "mean": 2.2
      },
      {
        "dimension": "team",
        "mean": 2.0
      },
      {
        "dimension": "technology",
        "mean": 3.5
      },
      {
        "dimension": "culture",
        "mean": 2.8
      },
      {
        "dimension": "metrics",
        "mean": 1.5
      }
    ],
    "alpha": 0.2908641290154086
  },
  {
    "session_id": "q2-check",
    "name": "Quarterly check-in",
    "date": "2025-05-06",
    "raters": 4,
    "total": 18.583333333333332,
    "verdict": "ready",
    "means": [
      {
        "dimension": "strategy",
        "mean": 3.75
      },
      {
        "dimension": "data",
        "mean": 2.75
      },
      {
        "dimension": "team",
        "mean": 3.25
      },
      {
        "dimension": "technology",
        "mean": 3.0
      },
      {
        "dimension": "culture",
        "mean": 3.5
      },
      {
        "dimension": "metrics",
        "mean": 2.3333333333333335
      }
    ],
    "alpha": 0.177554812337421
  }
];

const LAYERS: LayerDiagnosis = {
  "date": "2025-05-06",
  "layers": [
    {
      "layer": "vision",
      "score": 4,
      "date": "2025-05-06",
      "previous": 2,
      "previous_date": "2025-02-04",
      "change": 2
    },
    {
      "layer": "narrative",
      "score": 3,
      "date": "2025-05-06",
      "previous": 2,
      "previous_date": "2025-02-04",
      "change": 1
    },
    {
      "layer": "system",
      "score": 2,
      "date": "2025-05-06",
      "previous": 1,
      "previous_date": "2025-02-04",
      "change": 1
    },
    {
      "layer": "touchpoint",
      "score": 3,
      "date": "2025-05-06",
      "previous": 3,
      "previous_date": "2025-02-04",
      "change": 0
    }
  ],
  "patterns": [
    {
      "kind": "strong_vision_weak_system",
      "title": "A strong vision over a weak system",
      "explanation": "The ambition is clear but the backbone is thin, so the narrative will stay abstract: convincing in a workshop, absent from the customer's day. Pick the one or two capabilities the first key moment needs and build those.",
      "layers": [
        "vision",
        "system"
      ],
      "gap": 2
    }
  ]
};

const NOT_RATED: LayerDiagnosis = {
  date: null,
  layers: [],
  patterns: [{
    kind: "not_rated",
    title: "No layer rated yet",
    explanation: "Rate the four layers from 1 (absent) to 5 (fully integrated) to see where the stack is out of balance.",
    layers: [],
    gap: null,
  }],
};

/** The report the real backend gives for the sample; workspaces without sessions get an empty one. */
export function sampleReport(doc: Workspace, session: string | null): ReadinessReport {
  const known = doc.readiness.some((s) => s.id in SUMMARIES);
  if (!known) return { session: null, layers: doc.layer_scores.length ? LAYERS : NOT_RATED, trend: [] };
  const id = session && session in SUMMARIES ? session : "q2-check";
  return { session: SUMMARIES[id], layers: LAYERS, trend: TREND };
}
