// The audit library's report on `assets/sample/nexusflow.throughline.json`, as printed by
// `throughline audit assets/sample/nexusflow.throughline.json --format json`. Test tooling:
// the fixture backend answers `auditWorkspace` with it (waivers re-applied from the document).
import type { Report } from "../backend";
export const NEXUSFLOW_SAMPLE_AUDIT: Report = {
  "findings": [
    {
      "code": "channel-switch-drops-state",
      "severity": "error",
      "key": "bounce-recovery",
      "subjects": [
        {
          "kind": "handoff",
          "id": "bounce-recovery"
        },
        {
          "kind": "element",
          "id": "welcome-email"
        },
        {
          "kind": "element",
          "id": "in-app-guide"
        }
      ],
      "message": "The handoff from Welcome email series (email) to In-app tips and checklist (app) drops the journey state \"journey.stage\", so the customer's journey starts over.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "welcome-email"
          },
          "field": "channel",
          "value": "email",
          "note": null
        },
        {
          "subject": {
            "kind": "element",
            "id": "in-app-guide"
          },
          "field": "channel",
          "value": "app",
          "note": null
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "bounce-recovery"
          },
          "field": "carries",
          "value": null,
          "note": "lacks journey state \"journey.stage\""
        }
      ],
      "fix": "Make the handoff from Welcome email series to In-app tips and checklist carry \"journey.stage\".",
      "waived": null
    },
    {
      "code": "channel-switch-drops-state",
      "severity": "error",
      "key": "promise-to-setup",
      "subjects": [
        {
          "kind": "handoff",
          "id": "promise-to-setup"
        },
        {
          "kind": "element",
          "id": "website"
        },
        {
          "kind": "element",
          "id": "wizard"
        }
      ],
      "message": "The handoff from Marketing website (web) to Onboarding wizard (app) drops the journey state \"account.id\", \"journey.stage\" and \"onboarding.step\", so the customer's journey starts over.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "website"
          },
          "field": "channel",
          "value": "web",
          "note": null
        },
        {
          "subject": {
            "kind": "element",
            "id": "wizard"
          },
          "field": "channel",
          "value": "app",
          "note": null
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "promise-to-setup"
          },
          "field": "carries",
          "value": null,
          "note": "lacks journey state \"account.id\""
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "promise-to-setup"
          },
          "field": "carries",
          "value": null,
          "note": "lacks journey state \"journey.stage\""
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "promise-to-setup"
          },
          "field": "carries",
          "value": null,
          "note": "lacks journey state \"onboarding.step\""
        }
      ],
      "fix": "Make the handoff from Marketing website to Onboarding wizard carry \"account.id\", \"journey.stage\" and \"onboarding.step\".",
      "waived": null
    },
    {
      "code": "conflicting-claim",
      "severity": "error",
      "key": "demo-to-setup",
      "subjects": [
        {
          "kind": "handoff",
          "id": "demo-to-setup"
        },
        {
          "kind": "element",
          "id": "sales-demo"
        },
        {
          "kind": "element",
          "id": "wizard"
        },
        {
          "kind": "element",
          "id": "cdp"
        }
      ],
      "message": "Live sales demo and Onboarding wizard disagree on \"features.included\", which must not vary across their handoff.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "sales-demo"
          },
          "field": "claims.features.included",
          "value": "Advanced automations, custom integrations and the API",
          "note": "sending end"
        },
        {
          "subject": {
            "kind": "element",
            "id": "wizard"
          },
          "field": "claims.features.included",
          "value": "Core workflows on the Starter plan",
          "note": "receiving end"
        },
        {
          "subject": {
            "kind": "element",
            "id": "cdp"
          },
          "field": "claims.features.included",
          "value": "Core workflows on the Starter plan",
          "note": "source of truth"
        }
      ],
      "fix": "Have Live sales demo and Onboarding wizard state the value that Unified customer profile, the source of truth, holds for \"features.included\", ideally generated from it rather than copied.",
      "waived": null
    },
    {
      "code": "conflicting-claim",
      "severity": "error",
      "key": "promise-to-setup",
      "subjects": [
        {
          "kind": "handoff",
          "id": "promise-to-setup"
        },
        {
          "kind": "element",
          "id": "website"
        },
        {
          "kind": "element",
          "id": "wizard"
        }
      ],
      "message": "Marketing website and Onboarding wizard disagree on \"setup.effort\", which must not vary across their handoff.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "website"
          },
          "field": "claims.setup.effort",
          "value": "No technical setup: connect your tools in minutes",
          "note": "sending end"
        },
        {
          "subject": {
            "kind": "element",
            "id": "wizard"
          },
          "field": "claims.setup.effort",
          "value": "Requires API keys and webhook configuration",
          "note": "receiving end"
        }
      ],
      "fix": "Agree one value for \"setup.effort\", record it on the element that owns it, name that element as the source of truth of the handoff from Marketing website to Onboarding wizard, and have both ends state it.",
      "waived": null
    },
    {
      "code": "consent-unreachable",
      "severity": "error",
      "key": "exec-email",
      "subjects": [
        {
          "kind": "element",
          "id": "exec-email"
        }
      ],
      "message": "No chain of handoffs leads to Executive sponsor outreach from Email preference centre, so it would keep contacting a customer who withdrew consent.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "exec-email"
          },
          "field": "tags",
          "value": "outbound",
          "note": "no handoff path from a consent element"
        }
      ],
      "fix": "Add handoffs from Email preference centre to Executive sponsor outreach, directly or through other elements, that carry the consent state.",
      "waived": null
    },
    {
      "code": "consent-unreachable",
      "severity": "error",
      "key": "sdr-outreach",
      "subjects": [
        {
          "kind": "element",
          "id": "sdr-outreach"
        }
      ],
      "message": "No chain of handoffs leads to SDR call sequence from Email preference centre, so it would keep contacting a customer who withdrew consent.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "sdr-outreach"
          },
          "field": "tags",
          "value": "outbound",
          "note": "no handoff path from a consent element"
        }
      ],
      "fix": "Add handoffs from Email preference centre to SDR call sequence, directly or through other elements, that carry the consent state.",
      "waived": null
    },
    {
      "code": "escalation-drops-context",
      "severity": "error",
      "key": "bot-escalation",
      "subjects": [
        {
          "kind": "handoff",
          "id": "bot-escalation"
        },
        {
          "kind": "element",
          "id": "chatbot"
        },
        {
          "kind": "element",
          "id": "support-desk"
        }
      ],
      "message": "The escalation from Help chatbot to Support agent desk does not pass on \"conversation.history\", so the customer has to repeat it.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "support-desk"
          },
          "field": "needs",
          "value": "conversation.history",
          "note": "not carried"
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "bot-escalation"
          },
          "field": "carries",
          "value": "account.id, account.plan, issue.summary",
          "note": null
        }
      ],
      "fix": "Make the escalation from Help chatbot to Support agent desk carry \"conversation.history\".",
      "waived": null
    },
    {
      "code": "lost-context",
      "severity": "error",
      "key": "support-desk",
      "subjects": [
        {
          "kind": "element",
          "id": "support-desk"
        }
      ],
      "message": "Support agent desk needs \"conversation.history\" but does not hold it, and none of the 5 handoffs into it carries it.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "support-desk"
          },
          "field": "needs",
          "value": "conversation.history",
          "note": "not received"
        }
      ],
      "fix": "Have a handoff into Support agent desk carry \"conversation.history\" from the element that holds it.",
      "waived": null
    },
    {
      "code": "signal-conflict",
      "severity": "error",
      "key": "intent.rising",
      "subjects": [
        {
          "kind": "element",
          "id": "exec-email"
        },
        {
          "kind": "element",
          "id": "in-app-guide"
        },
        {
          "kind": "element",
          "id": "nurture-email"
        },
        {
          "kind": "element",
          "id": "sdr-outreach"
        }
      ],
      "message": "Executive sponsor outreach, In-app tips and checklist, Onboarding nurture emails and SDR call sequence read the signal \"intent.rising\" in 4 different ways (\"executive engagement: start the expansion play\", \"readiness: show the upgrade offer\", \"research: send deeper how-to guides\" and \"urgency: call today before the trial cools\").",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "exec-email"
          },
          "field": "interprets.intent.rising",
          "value": "executive engagement: start the expansion play",
          "note": null
        },
        {
          "subject": {
            "kind": "element",
            "id": "in-app-guide"
          },
          "field": "interprets.intent.rising",
          "value": "readiness: show the upgrade offer",
          "note": null
        },
        {
          "subject": {
            "kind": "element",
            "id": "nurture-email"
          },
          "field": "interprets.intent.rising",
          "value": "research: send deeper how-to guides",
          "note": null
        },
        {
          "subject": {
            "kind": "element",
            "id": "sdr-outreach"
          },
          "field": "interprets.intent.rising",
          "value": "urgency: call today before the trial cools",
          "note": null
        }
      ],
      "fix": "Agree what \"intent.rising\" means, write it down once (for instance in a governance system), and have every element that reads it follow that meaning.",
      "waived": null
    },
    {
      "code": "no-failure-path",
      "severity": "warning",
      "key": "exec-email",
      "subjects": [
        {
          "kind": "element",
          "id": "exec-email"
        }
      ],
      "message": "Executive sponsor outreach has no handoff for when a delivery fails, so a bounced or undelivered message goes nowhere.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "exec-email"
          },
          "field": "handoffs",
          "value": null,
          "note": "none with trigger \"failure\""
        }
      ],
      "fix": "Add a handoff from Executive sponsor outreach with trigger \"failure\" to the channel or team that recovers the message.",
      "waived": null
    },
    {
      "code": "orphan-touchpoint",
      "severity": "warning",
      "key": "community-forum",
      "subjects": [
        {
          "kind": "element",
          "id": "community-forum"
        }
      ],
      "message": "Community forum serves no stage of the customer's story, so the customer meets it without a reason.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "community-forum"
          },
          "field": "stages",
          "value": null,
          "note": "serves no stage"
        }
      ],
      "fix": "Attach Community forum to the stage it serves, or retire it if it serves none.",
      "waived": {
        "reason": "The forum is run by customers; we link to it but do not design it as part of the first 30 days.",
        "who": "Dana Okafor",
        "when": "2025-05-06T15:30:00Z"
      }
    },
    {
      "code": "orphan-touchpoint",
      "severity": "warning",
      "key": "webinar",
      "subjects": [
        {
          "kind": "element",
          "id": "webinar"
        }
      ],
      "message": "Monthly product webinar serves no stage of the customer's story, so the customer meets it without a reason.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "webinar"
          },
          "field": "stages",
          "value": null,
          "note": "serves no stage"
        }
      ],
      "fix": "Attach Monthly product webinar to the stage it serves, or retire it if it serves none.",
      "waived": null
    },
    {
      "code": "single-point-of-failure",
      "severity": "warning",
      "key": "priya",
      "subjects": [
        {
          "kind": "element",
          "id": "priya"
        }
      ],
      "message": "Every route between 2 parts of the work runs through Priya Raman: if they are away, those parts stop talking to each other.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "priya"
          },
          "field": "handoffs",
          "value": "4 handoffs",
          "note": null
        },
        {
          "subject": {
            "kind": "element",
            "id": "connector-partner"
          },
          "field": "handoffs",
          "value": "reach the rest only through \"priya\"",
          "note": null
        }
      ],
      "fix": "Add a handoff that bypasses Priya Raman (a deputy, a team or a shared system) so the work does not depend on one person.",
      "waived": null
    },
    {
      "code": "typed-invariant",
      "severity": "warning",
      "key": "campaign-brief",
      "subjects": [
        {
          "kind": "handoff",
          "id": "campaign-brief"
        }
      ],
      "message": "The handoff from Growth marketing to Marketing website is retyped by hand, although \"setup.effort\" must never vary.",
      "evidence": [
        {
          "subject": {
            "kind": "handoff",
            "id": "campaign-brief"
          },
          "field": "mode",
          "value": "typed",
          "note": null
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "campaign-brief"
          },
          "field": "invariant",
          "value": "setup.effort",
          "note": null
        }
      ],
      "fix": "Generate or sync \"setup.effort\" from their source of truth instead of retyping it (set the handoff's mode to generated or synced).",
      "waived": null
    },
    {
      "code": "typed-invariant",
      "severity": "warning",
      "key": "deal-notes",
      "subjects": [
        {
          "kind": "handoff",
          "id": "deal-notes"
        }
      ],
      "message": "The handoff from Live sales demo to Unified customer profile is retyped by hand, although \"account.plan\" must never vary.",
      "evidence": [
        {
          "subject": {
            "kind": "handoff",
            "id": "deal-notes"
          },
          "field": "mode",
          "value": "typed",
          "note": null
        },
        {
          "subject": {
            "kind": "handoff",
            "id": "deal-notes"
          },
          "field": "invariant",
          "value": "account.plan",
          "note": null
        }
      ],
      "fix": "Generate or sync \"account.plan\" from their source of truth instead of retyping it (set the handoff's mode to generated or synced).",
      "waived": null
    },
    {
      "code": "uncoordinated-signal",
      "severity": "warning",
      "key": "intent.rising",
      "subjects": [
        {
          "kind": "element",
          "id": "exec-email"
        },
        {
          "kind": "element",
          "id": "nurture-email"
        },
        {
          "kind": "element",
          "id": "sdr-outreach"
        }
      ],
      "message": "Executive sponsor outreach, Onboarding nurture emails and SDR call sequence all react to \"intent.rising\" and no single rule covers them, so the customer may hear from every one of them at once.",
      "evidence": [
        {
          "subject": {
            "kind": "element",
            "id": "exec-email"
          },
          "field": "interprets.intent.rising",
          "value": "executive engagement: start the expansion play",
          "note": "outbound"
        },
        {
          "subject": {
            "kind": "element",
            "id": "nurture-email"
          },
          "field": "interprets.intent.rising",
          "value": "research: send deeper how-to guides",
          "note": "outbound"
        },
        {
          "subject": {
            "kind": "element",
            "id": "sdr-outreach"
          },
          "field": "interprets.intent.rising",
          "value": "urgency: call today before the trial cools",
          "note": "outbound"
        }
      ],
      "fix": "Add a suppression or priority rule that covers Executive sponsor outreach, Onboarding nurture emails and SDR call sequence, or extend an existing rule to cover them all.",
      "waived": null
    },
    {
      "code": "unowned-handoff",
      "severity": "warning",
      "key": "release-notes",
      "subjects": [
        {
          "kind": "handoff",
          "id": "release-notes"
        },
        {
          "kind": "element",
          "id": "product-team"
        },
        {
          "kind": "element",
          "id": "support-team"
        }
      ],
      "message": "Nobody owns the handoff from Product and engineering to Customer support, so nobody answers for what it carries.",
      "evidence": [
        {
          "subject": {
            "kind": "handoff",
            "id": "release-notes"
          },
          "field": "owner",
          "value": null,
          "note": "no owner named"
        }
      ],
      "fix": "Name the team or person accountable for what passes from Product and engineering to Customer support as the owner of that handoff.",
      "waived": null
    },
    {
      "code": "unsupported-stage",
      "severity": "warning",
      "key": "first-value",
      "subjects": [
        {
          "kind": "stage",
          "id": "first-value"
        }
      ],
      "message": "No touchpoint serves the stage First value (day 30), so this part of the story never reaches the customer.",
      "evidence": [
        {
          "subject": {
            "kind": "stage",
            "id": "first-value"
          },
          "field": "touchpoints",
          "value": null,
          "note": "no touchpoint lists this stage"
        }
      ],
      "fix": "Design a touchpoint for First value (day 30), or attach an existing touchpoint to it.",
      "waived": null
    }
  ],
  "summary": {
    "error": 9,
    "warning": 8,
    "info": 0,
    "waived": 1
  }
};
