//! Registering decisions: an adoption (the draft frozen and in force) and a repeal. Each is
//! the record of a decision taken elsewhere: by a body in a meeting (date not in the
//! future, diarienummer, §) or by a chef approving an instruction (named, with who was
//! consulted). Only someone who acts for the body records it ([`super::decide`]).

use super::commands::{Decision, Fields};
use super::decide::{self, Authority};
use super::edit::{version_json, VersionScope};
use super::Editable;
use crate::AppError;
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, Set};
use serde_json::{json, Value};
use varn_domain::document::decision::check_dates;
use varn_domain::document::{check_adoption, DecidingBody, DocType, Status, Validity, VersionState};
use varn_domain::FieldErrors;
use varn_store::entity::{document as doc, document_version as ver, org_unit};
use varn_store::repo::documents::{self as repo, DocVisibility};
use varn_store::repo::{now, org};

/// A decision's details, read from what the user gave (empties fall back to `keep`).
struct Record {
    date: Option<NaiveDate>,
    dnr: Option<String>,
    paragraph: Option<String>,
    valid_from: Option<NaiveDate>,
    consulted: Option<String>,
}

/// Reads `d` (falling back to `keep`'s date, dnr and §) and checks what every decision
/// needs: a date not in the future; for a body's decision its dnr and §.
fn record(d: &Decision, keep: Option<&ver::Model>, body: DecidingBody, e: &mut FieldErrors) -> Record {
    let mut f = Fields(FieldErrors::new());
    let r = Record {
        date: f.date("decision_date", &d.decision_date).or(keep.and_then(|v| v.decision_date)),
        dnr: f.text("diarienummer", &d.diarienummer, 64).or(keep.and_then(|v| v.diarienummer.clone())),
        paragraph: f.text("paragraph", &d.paragraph, 32).or(keep.and_then(|v| v.paragraph.clone())),
        valid_from: f.date("valid_from", &d.valid_from),
        consulted: f.text("consulted", &d.consulted, 500),
    };
    for fe in f.0 .0 {
        e.add(&fe.field, &fe.code);
    }
    let today = varn_domain::task::today();
    match r.date {
        Some(on) => check_dates(on, r.valid_from, today).into_iter().for_each(|(f, c)| e.add(f, c)),
        None if e.get("decision_date").is_none() => e.add("decision_date", "err.doc.decision_date_required"),
        None => {}
    }
    if body != DecidingBody::Chef {
        if r.dnr.is_none() && e.get("diarienummer").is_none() {
            e.add("diarienummer", "err.doc.dnr_required");
        }
        if r.paragraph.is_none() && e.get("paragraph").is_none() {
            e.add("paragraph", "err.doc.paragraph_required");
        }
    }
    r
}

/// The owning unit and the unit it applies to.
async fn units<C: ConnectionTrait>(db: &C, s: &VersionScope) -> Result<(org_unit::Model, org_unit::Model), AppError> {
    let owning = org::find_any(db, s.unit).await?.ok_or(AppError::NotFound)?;
    let applies = org::find_any(db, s.applies_to).await?.ok_or(AppError::NotFound)?;
    Ok((owning, applies))
}

/// Who acts, or the mistakes at the fields (a refusal ends it at once).
async fn authority<C: ConnectionTrait>(
    db: &C,
    ed: &Editable<'_>,
    v: &ver::Model,
    scope: &VersionScope,
    approver: &str,
    e: &mut FieldErrors,
) -> Result<Option<Authority>, AppError> {
    let (owning, applies) = units(db, scope).await?;
    let actor = ed.cap.actor();
    match decide::authorise(db, actor, v.deciding_body, v.deciding_unit_id, &owning, &applies, Some(approver)).await {
        Ok(a) => Ok(Some(a)),
        Err(AppError::Invalid(fe)) => {
            fe.0.into_iter().for_each(|x| e.add(&x.field, &x.code));
            Ok(None)
        }
        Err(other) => Err(other),
    }
}

/// Adopts the draft: who decided (checked), the decision's details, the seed's rules, the
/// version frozen and in force, the next review. Returns the audit row's `after`.
pub(super) async fn adopt(
    w: &DatabaseTransaction,
    ed: &Editable<'_>,
    am: &mut doc::ActiveModel,
    decision: &Decision,
) -> Result<Value, AppError> {
    let d = repo::draft(w, ed.doc.id).await?.ok_or_else(|| AppError::conflict("err.doc.no_draft"))?;
    let scope = VersionScope::of(&ed.doc, &d);
    let mut e = FieldErrors::new();
    let who = authority(w, ed, &d, &scope, &decision.approved_by, &mut e).await?;
    let r = record(decision, Some(&d), d.deciding_body, &mut e);
    let rules = super::rules_in(w).await?;
    if let Some(on) = r.date {
        let validity = d.valid_until.map(Validity::Until).unwrap_or(Validity::TillsVidare);
        check_adoption(ed.doc.doc_type, d.deciding_body, validity, on, rules).into_iter().for_each(|(f, c)| e.add(f, c));
    }
    if d.body_md.trim().is_empty() && d.attachment_id.is_none() {
        e.add("body_md", "err.doc.text_required");
    }
    let actions = repo::action_models(w, ed.doc.id).await?;
    if ed.doc.doc_type == DocType::Strategi && actions.is_empty() {
        e.add("actions", "err.doc.strategi_actions");
    }
    e.into_result()?;
    let (Some(who), Some(on)) = (who, r.date) else { return Err(AppError::Internal("checked decision incomplete".into())) };
    if let Some(old) = ed.doc.current_version_id {
        ver::ActiveModel { id: Set(old), state: Set(VersionState::Superseded), ..Default::default() }.update(w).await?;
    }
    let next_review = d.revision_date.unwrap_or_else(|| rules.next_review(ed.doc.doc_type, r.valid_from.unwrap_or(on)));
    let mut vm: ver::ActiveModel = d.clone().into();
    vm.decision_date = Set(Some(on));
    vm.diarienummer = Set(r.dnr.filter(|_| d.deciding_body != DecidingBody::Chef));
    vm.paragraph = Set(r.paragraph.filter(|_| d.deciding_body != DecidingBody::Chef));
    vm.valid_from = Set(r.valid_from);
    vm.consulted = Set(r.consulted);
    vm.deciding_unit_id = Set(who.body_unit.as_ref().map(|u| u.id));
    vm.approved_by_user_id = Set(who.approver.as_ref().map(|a| a.0));
    vm.approver_unit_id = Set(who.approver.as_ref().map(|a| a.1.id));
    vm.revision_date = Set(Some(next_review));
    vm.state = Set(VersionState::Adopted);
    vm.adopted_by = Set(Some(ed.cap.actor().id.0));
    vm.adopted_at = Set(Some(now()));
    let adopted = vm.update(w).await?;
    // What the adopted version says of where it sits now holds for the document.
    am.unit_id = Set(scope.unit);
    am.applies_to_unit_id = Set(scope.applies_to);
    am.owner_user_id = Set(scope.owner);
    am.parent_id = Set(scope.parent);
    am.current_version_id = Set(Some(d.id));
    am.title = Set(d.title.clone());
    am.search_text = Set(d.title.to_lowercase());
    am.revision_date = Set(Some(next_review));
    am.reviewed_on = Set(Some(on));
    am.valid_until = Set(d.valid_until);
    let made = super::lifecycle::actions_to_tasks(w, ed.doc.id, scope.unit, &d.title, actions).await?;
    Ok(json!({"status": Status::Gallande, "version": d.number, "adopted": version_json(&adopted), "tasks": made}))
}

/// Repeals the document: a decision of the body that adopted the version in force (or its
/// chef), with date, dnr and §, and optionally the document that replaces it.
pub(super) async fn repeal(
    w: &DatabaseTransaction,
    ed: &Editable<'_>,
    am: &mut doc::ActiveModel,
    decision: &Decision,
    vis: &DocVisibility,
) -> Result<Value, AppError> {
    let cur_id = ed.doc.current_version_id.ok_or_else(|| AppError::conflict("err.doc.not_adopted"))?;
    let cur = repo::version_by_id(w, cur_id).await?.ok_or(AppError::NotFound)?;
    let scope = VersionScope::of(&ed.doc, &cur);
    let mut e = FieldErrors::new();
    let who = authority(w, ed, &cur, &scope, &decision.approved_by, &mut e).await?;
    let r = record(decision, None, cur.deciding_body, &mut e);
    let replaced_by = replacement(w, ed.doc.id, vis, &decision.replaced_by, &mut e).await?;
    e.into_result()?;
    let Some(who) = who else { return Err(AppError::Internal("checked decision incomplete".into())) };
    am.repealed_on = Set(r.date);
    am.repeal_body = Set(Some(cur.deciding_body));
    let body_unit = who.body_unit.as_ref().map(|u| u.id).or(who.approver.as_ref().map(|a| a.1.id));
    am.repeal_unit_id = Set(body_unit);
    am.repeal_diarienummer = Set(r.dnr.clone());
    am.repeal_paragraph = Set(r.paragraph.clone());
    am.replaced_by_id = Set(replaced_by);
    am.repealed_by = Set(Some(ed.cap.actor().id.0));
    let closed = super::lifecycle::close_action_tasks(w, ed.doc.id).await?;
    Ok(json!({
        "status": Status::Upphavd, "repealed_on": r.date, "body": cur.deciding_body, "body_unit": body_unit,
        "diarienummer": r.dnr, "paragraph": r.paragraph, "replaced_by": replaced_by, "closed_tasks": closed,
    }))
}

/// The document that replaces a repealed one: another document, in force.
async fn replacement<C: ConnectionTrait>(
    db: &C,
    me: i64,
    vis: &DocVisibility,
    given: &str,
    e: &mut FieldErrors,
) -> Result<Option<i64>, AppError> {
    let mut f = Fields(FieldErrors::new());
    let Some(id) = f.id("replaced_by", given) else {
        f.0 .0.into_iter().for_each(|x| e.add(&x.field, &x.code));
        return Ok(None);
    };
    match repo::find(db, vis, id).await? {
        Some((m, _)) if m.id != me && m.current_version_id.is_some() && m.status != Status::Upphavd => Ok(Some(m.id)),
        _ => {
            e.add("replaced_by", "err.doc.replaced_by");
            Ok(None)
        }
    }
}
