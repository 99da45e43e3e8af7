//! An incident's timeline step in words, in the reader's language.

use crate::ctx::Ctx;
use std::collections::HashMap;

/// A timeline step in words: (when, who, what, the words written).
pub(super) fn line(ctx: &Ctx, e: &varn_app::incidents::EventRow) -> (String, String, String, Option<String>) {
    let tr = ctx.tr;
    let data: HashMap<String, serde_json::Value> = e.data.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default();
    let s = |k: &str| data.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    let what = match e.kind.as_str() {
        "status" | "triaged" if data.contains_key("to") => {
            let l = |c: String| tr.t(&format!("incident.status.{c}")).to_owned();
            tr.tf("incident.event.status", &[("from", &l(s("from"))), ("to", &l(s("to")))])
        }
        "escalated" => {
            let l = |c: String| tr.t(&format!("incident.level.{c}")).to_owned();
            tr.tf("incident.event.escalated", &[("from", &l(s("from"))), ("to", &l(s("to")))])
        }
        "duty" => {
            let name = ctx
                .state
                .app
                .incidents()
                .rules()
                .regimes
                .get(&s("regime"))
                .map(|r| r.name.get(ctx.lang.code()).to_owned())
                .unwrap_or_default();
            let yes = data.get("applies").and_then(|v| v.as_bool()) == Some(true);
            tr.tf(if yes { "incident.event.duty_yes" } else { "incident.event.duty_no" }, &[("regime", &name)])
        }
        "linked" | "unlinked" => {
            let names: Vec<String> = data.get("names").and_then(|n| serde_json::from_value(n.clone()).ok()).unwrap_or_default();
            tr.tf(&format!("incident.event.{}", e.kind), &[("names", &names.join(", "))])
        }
        "report" => {
            let rules = ctx.state.app.incidents().rules();
            let name = rules
                .regimes
                .get(&s("regime"))
                .and_then(|r| r.reports.iter().find(|x| x.code == s("report")))
                .map(|x| x.name.get(ctx.lang.code()).to_owned())
                .unwrap_or_default();
            let key = if s("outcome") == "not_required" { "incident.event.report_not_required" } else { "incident.event.report_sent" };
            tr.tf(key, &[("report", &name), ("recipient", &s("recipient"))])
        }
        "action" => tr.tf("incident.event.action", &[("title", &s("title")), ("who", &s("responsible"))]),
        "action_done" | "action_reopened" => tr.tf(&format!("incident.event.{}", e.kind), &[("title", &s("title"))]),
        "contact" => {
            let how = tr.t(&format!("authority.channel.{}", s("channel"))).to_owned();
            let key = if s("direction") == "in" { "incident.event.contact_in" } else { "incident.event.contact_out" };
            tr.tf(key, &[("authority", &s("authority")), ("channel", &how)])
        }
        k => tr.t(&format!("incident.event.{k}")).to_owned(),
    };
    (tr.datetime(&e.at), e.user_name.clone().unwrap_or_default(), what, e.text.clone())
}
