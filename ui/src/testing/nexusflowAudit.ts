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
      "message": "Handoff \"bounce-recovery\" switches the customer from email to app without the journey state \"journey.stage\", so the journey restarts.",
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
      "fix": "Make handoff \"bounce-recovery\" carry \"journey.stage\".",
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
      "message": "Handoff \"promise-to-setup\" switches the customer from web to app without the journey state \"account.id\", \"journey.stage\" and \"onboarding.step\", so the journey restarts.",
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
      "fix": "Make handoff \"promise-to-setup\" carry \"account.id\", \"journey.stage\" and \"onboarding.step\".",
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
      "message": "Handoff \"demo-to-setup\" from \"sales-demo\" to \"wizard\" must keep the key \"features.included\" unchanged, but the values stated along it disagree.",
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
      "fix": "Make every end state the value that \"cdp\" (the source of truth) holds for \"features.included\", ideally by generating it from there.",
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
      "message": "Handoff \"promise-to-setup\" from \"website\" to \"wizard\" must keep the key \"setup.effort\" unchanged, but the values stated along it disagree.",
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
      "fix": "Agree one value for \"setup.effort\", name the element that owns it as the handoff's source of truth, and make both ends state it.",
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
      "message": "Outbound element \"exec-email\" cannot be reached along handoffs from any of the 1 consent elements, so it would keep contacting a customer who opted out.",
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
      "fix": "Add a handoff chain from a consent element to \"exec-email\" that carries the consent state.",
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
      "message": "Outbound element \"sdr-outreach\" cannot be reached along handoffs from any of the 1 consent elements, so it would keep contacting a customer who opted out.",
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
      "fix": "Add a handoff chain from a consent element to \"sdr-outreach\" that carries the consent state.",
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
      "message": "Escalation \"bot-escalation\" hands the customer to \"support-desk\" without \"conversation.history\", so the customer must repeat it.",
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
      "fix": "Make handoff \"bot-escalation\" carry \"conversation.history\".",
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
      "message": "\"support-desk\" needs the context key \"conversation.history\", but does not hold it and none of the 5 handoffs into it carries it.",
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
      "fix": "Add \"conversation.history\" to what a handoff into \"support-desk\" carries, from the element that holds it.",
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
      "message": "4 elements read the signal \"intent.rising\" as 4 different intents (\"executive engagement: start the expansion play\", \"readiness: show the upgrade offer\", \"research: send deeper how-to guides\" and \"urgency: call today before the trial cools\").",
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
      "fix": "Agree what \"intent.rising\" means, write it down once (for instance in a governance system), and make every reader interpret it that way.",
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
      "message": "Outbound touchpoint \"exec-email\" has no handoff triggered by failure, so a bounced or undelivered message goes nowhere.",
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
      "fix": "Add a handoff from \"exec-email\" with trigger \"failure\" to the channel or team that recovers the message.",
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
      "message": "Touchpoint \"community-forum\" serves no stage of the narrative, so the customer meets it without a reason.",
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
      "fix": "Attach the touchpoint to the stage it serves, or retire it if it serves none.",
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
      "message": "Touchpoint \"webinar\" serves no stage of the narrative, so the customer meets it without a reason.",
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
      "fix": "Attach the touchpoint to the stage it serves, or retire it if it serves none.",
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
      "message": "Every route between 2 parts of the work runs through \"priya\": if this person is away, those parts stop talking to each other.",
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
      "fix": "Add a handoff that bypasses \"priya\" (a deputy, a team or a shared system) so the work does not depend on one person.",
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
      "message": "Handoff \"campaign-brief\" is retyped by hand although \"setup.effort\" must never vary.",
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
      "fix": "Generate or sync these keys from their source of truth instead of retyping them (mode generated or synced).",
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
      "message": "Handoff \"deal-notes\" is retyped by hand although \"account.plan\" must never vary.",
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
      "fix": "Generate or sync these keys from their source of truth instead of retyping them (mode generated or synced).",
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
      "message": "3 outbound elements react to \"intent.rising\" and no rule covers them all, so the customer may hear from every one of them at once.",
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
      "fix": "Add a rule element (suppression or priority) that covers \"exec-email\", \"nurture-email\" and \"sdr-outreach\", or extend an existing rule to cover them all.",
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
      "message": "Nobody owns handoff \"release-notes\" from \"product-team\" to \"support-team\", so nobody answers for what it carries.",
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
      "fix": "Name the team or person accountable for this handoff as its owner.",
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
      "message": "Stage \"first-value\" (First value (day 30)) has no touchpoint serving it, so this part of the story never reaches the customer.",
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
      "fix": "Design a touchpoint for this stage, or attach an existing touchpoint to it.",
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
