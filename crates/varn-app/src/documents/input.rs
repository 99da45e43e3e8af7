//! Creating and editing drafts: the form's fields, checked against the seed's rules.

use crate::{Actor, App, AppError};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::Deserialize;
use serde_json::json;
use varn_domain::document::{check_adoption, DecidingBody, DocType, Priority, Status, Validity};
use varn_domain::validation::bounded_text;
use varn_domain::{FieldErrors, OrgPath, Permission};
use varn_store::entity::{document as doc, document_action, document_version as ver};
use varn_store::repo::documents as repo;
use varn_store::repo::{audit, now, org, users};

/// A document as the form and the API send it (text fields, checked here).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct DocInput {
    /// policy / strategi / riktlinje / anvisning.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// Owning unit (dokumentansvarig enhet).
    pub unit_id: String,
    /// The unit it applies to (its whole subtree); the root for the whole city.
    pub applies_to_unit_id: String,
    /// Dokumentansvarig person (sign-in name), optional.
    pub owner_username: String,
    /// The document it implements.
    pub parent_id: String,
    /// Beslutande organ.
    pub deciding_body: String,
    /// `tills_vidare` or `until`.
    pub validity: String,
    /// Last day of validity (with `until`).
    pub valid_until: String,
    /// Beslutsdatum.
    pub decision_date: String,
    /// Antagen till följd av lag: "yes" when so.
    pub by_law: String,
    /// Which law.
    pub law: String,
    /// Revisionsdatum.
    pub revision_date: String,
    /// Uppföljning: how and when.
    pub follow_up: String,
    /// Diarienummer of the decision.
    pub diarienummer: String,
    /// Paragraph of the minutes (§).
    pub paragraph: String,
    /// The text, in Markdown.
    pub body_md: String,
}

/// A strategy action as sent.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ActionInput {
    /// What is to be done.
    pub title: String,
    /// Responsible person (sign-in name).
    pub responsible_username: String,
    /// Or responsible unit.
    pub responsible_unit_id: String,
    /// Deadline.
    pub due_date: String,
    /// hog / medel / lag.
    pub priority: String,
}

pub(crate) fn opt_date(e: &mut FieldErrors, field: &str, s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    e.check(field, NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| "err.date_invalid"))
}

fn opt_text(e: &mut FieldErrors, field: &str, s: &str, max: usize) -> Option<String> {
    if s.trim().is_empty() {
        None
    } else {
        e.check(field, bounded_text(s, max))
    }
}

fn opt_id(e: &mut FieldErrors, field: &str, s: &str) -> Option<i64> {
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        e.check(field, t.parse::<i64>().map_err(|_| "err.choose"))
    }
}

/// A checked draft.
pub(crate) struct Draft {
    pub doc_type: DocType,
    pub title: String,
    pub unit_id: i64,
    pub applies_to_unit_id: i64,
    pub owner_user_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub body: DecidingBody,
    pub valid_until: Option<NaiveDate>,
    pub decision_date: Option<NaiveDate>,
    pub by_law: bool,
    pub law: Option<String>,
    pub revision_date: Option<NaiveDate>,
    pub follow_up: Option<String>,
    pub diarienummer: Option<String>,
    pub paragraph: Option<String>,
    pub body_md: String,
}

impl App {
    /// Checks a draft: formats, the seed's rules, the tree, and where the actor may write.
    async fn check_draft(&self, actor: &Actor, i: &DocInput, editing: Option<&doc::Model>) -> Result<Draft, AppError> {
        let db = self.store.read();
        let write = actor.scope(Permission::DomainWrite);
        let mut e = FieldErrors::new();
        let doc_type = e.check("doc_type", DocType::parse(&i.doc_type));
        let title = e.check("title", bounded_text(&i.title, 300));
        let unit_id = match opt_id(&mut e, "unit_id", &i.unit_id) {
            None => {
                e.add("unit_id", "err.required");
                None
            }
            Some(u) => match org::find_any(db, u).await? {
                Some(unit) if unit.active && OrgPath::parse(&unit.path).map(|p| write.covers(&p)).unwrap_or(false) => Some(u),
                _ => {
                    e.add("unit_id", "err.doc.unit_forbidden");
                    None
                }
            },
        };
        let applies_to_unit_id = match opt_id(&mut e, "applies_to_unit_id", &i.applies_to_unit_id) {
            None => {
                e.add("applies_to_unit_id", "err.required");
                None
            }
            Some(u) => match org::find_any(db, u).await? {
                Some(unit) if unit.parent_id.is_none() || OrgPath::parse(&unit.path).map(|p| write.covers(&p)).unwrap_or(false) => Some(u),
                _ => {
                    e.add("applies_to_unit_id", "err.doc.unit_forbidden");
                    None
                }
            },
        };
        let owner_user_id = if i.owner_username.trim().is_empty() {
            None
        } else {
            match users::by_username(db, i.owner_username.trim()).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("owner_username", "err.user.unknown");
                    None
                }
            }
        };
        let parent_id = opt_id(&mut e, "parent_id", &i.parent_id);
        let body = e.check("deciding_body", DecidingBody::parse(&i.deciding_body));
        let valid_until = opt_date(&mut e, "valid_until", &i.valid_until);
        let validity = match i.validity.trim() {
            "tills_vidare" | "" => Some(Validity::TillsVidare),
            "until" => match valid_until {
                Some(d) => Some(Validity::Until(d)),
                None => {
                    if !e.0.iter().any(|x| x.field == "valid_until") {
                        e.add("valid_until", "err.doc.valid_until_required");
                    }
                    None
                }
            },
            _ => {
                e.add("validity", "err.choose");
                None
            }
        };
        let decision_date = opt_date(&mut e, "decision_date", &i.decision_date);
        let revision_date = opt_date(&mut e, "revision_date", &i.revision_date);
        let by_law = matches!(i.by_law.trim(), "yes" | "true" | "on" | "1");
        let law = opt_text(&mut e, "law", &i.law, 300);
        if by_law && law.is_none() && !e.0.iter().any(|x| x.field == "law") {
            e.add("law", "err.doc.law_required");
        }
        let follow_up = opt_text(&mut e, "follow_up", &i.follow_up, 1000);
        let diarienummer = opt_text(&mut e, "diarienummer", &i.diarienummer, 64);
        let paragraph = opt_text(&mut e, "paragraph", &i.paragraph, 32);
        if i.body_md.chars().count() > 200_000 {
            e.add("body_md", "err.too_long");
        }
        if let Some(t) = doc_type {
            if let Some(prev) = editing {
                if prev.current_version_id.is_some() && prev.doc_type != t.as_str() {
                    e.add("doc_type", "err.doc.type_fixed");
                }
            }
            if let Some(b) = body {
                // Check the deciding body even when the validity itself has a mistake, so that
                // every mistake shows at once; the validity rules need a valid validity.
                let on = decision_date.unwrap_or_else(|| chrono::Utc::now().date_naive());
                let rules = self.doc_rules().await?;
                for (f, code) in check_adoption(t, b, validity.unwrap_or(Validity::TillsVidare), on, rules) {
                    if validity.is_some() || f != "validity" {
                        e.add(f, code);
                    }
                }
            }
            match parent_id {
                None if t == DocType::Anvisning => e.add("parent_id", "err.doc.parent_required"),
                None => {}
                Some(pid) => {
                    let vis = self.doc_visibility(actor);
                    match repo::find(db, &vis, pid).await? {
                        Some((p, _)) => {
                            let pt = DocType::parse(&p.doc_type).map_err(|c| AppError::Internal(c.into()))?;
                            if !t.may_implement(pt) {
                                e.add("parent_id", "err.doc.parent_type");
                            } else if p.status == Status::Upphavd.as_str() {
                                e.add("parent_id", "err.doc.parent_repealed");
                            } else if let Some(me) = editing {
                                // No cycles: walk up from the new parent.
                                let mut at = Some(p);
                                let mut steps = 0;
                                while let Some(x) = at {
                                    if x.id == me.id {
                                        e.add("parent_id", "err.doc.parent_cycle");
                                        break;
                                    }
                                    steps += 1;
                                    at = match x.parent_id {
                                        Some(up) if steps < 50 => repo::find_any(db, up).await?,
                                        _ => None,
                                    };
                                }
                            }
                        }
                        None => e.add("parent_id", "err.doc.parent_unknown"),
                    }
                }
            }
        }
        e.into_result()?;
        match (doc_type, title, unit_id, applies_to_unit_id, body) {
            (Some(doc_type), Some(title), Some(unit_id), Some(applies_to_unit_id), Some(body)) => Ok(Draft {
                doc_type,
                title,
                unit_id,
                applies_to_unit_id,
                owner_user_id,
                parent_id,
                body,
                valid_until: if matches!(validity, Some(Validity::Until(_))) { valid_until } else { None },
                decision_date,
                by_law,
                law: if by_law { law } else { None },
                revision_date,
                follow_up,
                diarienummer,
                paragraph,
                body_md: i.body_md.replace("\r\n", "\n"),
            }),
            _ => Err(AppError::Internal("draft check incomplete".into())),
        }
    }

    /// The open draft as the form shows it.
    pub async fn doc_draft_input(&self, actor: &Actor, id: i64) -> Result<DocInput, AppError> {
        let (m, _) = self.doc_find_editable(actor, id).await?;
        if !Status::parse(&m.status).map(|s| s.is_editable()).unwrap_or(false) {
            return Err(AppError::conflict("err.doc.not_editable"));
        }
        let db = self.store.read();
        let v = repo::draft(db, id).await?.ok_or_else(|| AppError::conflict("err.doc.not_editable"))?;
        let owner = match m.owner_user_id {
            Some(u) => users::find_any(db, u).await?.map(|u| u.username).unwrap_or_default(),
            None => String::new(),
        };
        let d = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
        Ok(DocInput {
            doc_type: m.doc_type,
            title: v.title,
            unit_id: m.unit_id.to_string(),
            applies_to_unit_id: m.applies_to_unit_id.to_string(),
            owner_username: owner,
            parent_id: m.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            deciding_body: v.deciding_body,
            validity: if v.valid_until.is_some() { "until".into() } else { "tills_vidare".into() },
            valid_until: d(v.valid_until),
            decision_date: d(v.decision_date),
            by_law: if v.by_law { "yes".into() } else { String::new() },
            law: v.law.unwrap_or_default(),
            revision_date: d(v.revision_date),
            follow_up: v.follow_up.unwrap_or_default(),
            diarienummer: v.diarienummer.unwrap_or_default(),
            paragraph: v.paragraph.unwrap_or_default(),
            body_md: v.body_md,
        })
    }

    /// Creates a document as an utkast with its first draft version.
    pub async fn doc_create(&self, actor: &Actor, i: &DocInput) -> Result<i64, AppError> {
        actor.can(Permission::DomainWrite)?;
        let d = self.check_draft(actor, i, None).await?;
        let path = org::find_any(self.store.read(), d.unit_id).await?.map(|u| u.path);
        let t = now();
        let txn = self.store.write().begin().await?;
        let m = doc::ActiveModel {
            doc_type: Set(d.doc_type.as_str().into()),
            title: Set(d.title.clone()),
            search_text: Set(d.title.to_lowercase()),
            status: Set(Status::Utkast.as_str().into()),
            unit_id: Set(d.unit_id),
            applies_to_unit_id: Set(d.applies_to_unit_id),
            owner_user_id: Set(d.owner_user_id),
            parent_id: Set(d.parent_id),
            current_version_id: Set(None),
            revision_date: Set(None),
            valid_until: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let v = version_model(m.id, 1, &d, actor.id.0).insert(&txn).await?;
        let mut a = actor.audit("document.create", "document");
        a.entity_id = Some(m.id);
        a.org_path = path;
        a.after = Some(json!({"type": m.doc_type, "title": m.title, "version": v.number, "unit": m.unit_id, "parent": m.parent_id}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(m.id)
    }

    /// Saves the open draft (utkast or under revision only: adopted versions are frozen).
    pub async fn doc_update(&self, actor: &Actor, id: i64, i: &DocInput) -> Result<(), AppError> {
        let (m, path) = self.doc_find_editable(actor, id).await?;
        let status = Status::parse(&m.status).map_err(|c| AppError::Internal(c.into()))?;
        if !status.is_editable() {
            return Err(AppError::conflict("err.doc.not_editable"));
        }
        let draft = repo::draft(self.store.read(), id).await?.ok_or_else(|| AppError::conflict("err.doc.not_editable"))?;
        let d = self.check_draft(actor, i, Some(&m)).await?;
        let before = version_json(&draft);
        let txn = self.store.write().begin().await?;
        let mut am: doc::ActiveModel = m.clone().into();
        if m.current_version_id.is_none() {
            am.doc_type = Set(d.doc_type.as_str().into());
            am.title = Set(d.title.clone());
            am.search_text = Set(d.title.to_lowercase());
        }
        am.unit_id = Set(d.unit_id);
        am.applies_to_unit_id = Set(d.applies_to_unit_id);
        am.owner_user_id = Set(d.owner_user_id);
        am.parent_id = Set(d.parent_id);
        am.updated_at = Set(now());
        am.update(&txn).await?;
        let mut vm = version_model(id, draft.number, &d, actor.id.0);
        vm.id = Set(draft.id);
        vm.created_by = Set(draft.created_by);
        vm.created_at = Set(draft.created_at);
        vm.attachment_id = Set(draft.attachment_id);
        let v = vm.update(&txn).await?;
        let mut a = actor.audit("document.update", "document");
        a.entity_id = Some(id);
        a.org_path = Some(path);
        a.before = Some(before);
        a.after = Some(version_json(&v));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Adds an action to a strategy whose text is open for editing.
    pub async fn doc_add_action(&self, actor: &Actor, id: i64, i: &ActionInput) -> Result<i64, AppError> {
        let (m, path) = self.doc_find_editable(actor, id).await?;
        if m.doc_type != DocType::Strategi.as_str() {
            return Err(AppError::conflict("err.doc.actions_strategi_only"));
        }
        if !Status::parse(&m.status).map(|s| s.is_editable()).unwrap_or(false) {
            return Err(AppError::conflict("err.doc.not_editable"));
        }
        let db = self.store.read();
        let mut e = FieldErrors::new();
        let title = e.check("title", bounded_text(&i.title, 300));
        let user = if i.responsible_username.trim().is_empty() {
            None
        } else {
            match users::by_username(db, i.responsible_username.trim()).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("responsible_username", "err.user.unknown");
                    None
                }
            }
        };
        let unit = match opt_id(&mut e, "responsible_unit_id", &i.responsible_unit_id) {
            Some(u) => match org::find_any(db, u).await? {
                Some(x) if x.active => Some(u),
                _ => {
                    e.add("responsible_unit_id", "err.choose");
                    None
                }
            },
            None => None,
        };
        if user.is_none() && unit.is_none() && !e.0.iter().any(|x| x.field.starts_with("responsible")) {
            e.add("responsible_username", "err.doc.action_responsible");
        }
        let due = opt_date(&mut e, "due_date", &i.due_date);
        if due.is_none() && !e.0.iter().any(|x| x.field == "due_date") {
            e.add("due_date", "err.doc.action_due");
        }
        let prio = e.check("priority", Priority::parse(&i.priority));
        e.into_result()?;
        let (Some(title), Some(prio)) = (title, prio) else { return Err(AppError::Internal("action check".into())) };
        let txn = self.store.write().begin().await?;
        let a_m = document_action::ActiveModel {
            document_id: Set(id),
            title: Set(title.clone()),
            responsible_user_id: Set(user),
            responsible_unit_id: Set(unit),
            due_date: Set(due),
            priority: Set(prio.as_str().into()),
            task_id: Set(None),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut a = actor.audit("document.action.create", "document");
        a.entity_id = Some(id);
        a.org_path = Some(path);
        a.after = Some(json!({"action": a_m.id, "title": title, "user": user, "unit": unit, "due": due, "priority": prio.as_str()}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(a_m.id)
    }

    /// Removes an action that has not yet become a task.
    pub async fn doc_remove_action(&self, actor: &Actor, id: i64, action_id: i64) -> Result<(), AppError> {
        let (m, path) = self.doc_find_editable(actor, id).await?;
        if !Status::parse(&m.status).map(|s| s.is_editable()).unwrap_or(false) {
            return Err(AppError::conflict("err.doc.not_editable"));
        }
        let acts = repo::action_models(self.store.read(), id).await?;
        let act = acts.into_iter().find(|x| x.id == action_id).ok_or(AppError::NotFound)?;
        if act.task_id.is_some() {
            return Err(AppError::conflict("err.doc.action_adopted"));
        }
        let txn = self.store.write().begin().await?;
        <document_action::Entity as sea_orm::EntityTrait>::delete_by_id(action_id).exec(&txn).await?;
        let mut a = actor.audit("document.action.delete", "document");
        a.entity_id = Some(id);
        a.org_path = Some(path);
        a.before = Some(json!({"action": act.id, "title": act.title}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(())
    }
}

fn version_model(document_id: i64, number: i32, d: &Draft, by: i64) -> ver::ActiveModel {
    let t = now();
    ver::ActiveModel {
        document_id: Set(document_id),
        number: Set(number),
        state: Set("draft".into()),
        title: Set(d.title.clone()),
        deciding_body: Set(d.body.as_str().into()),
        decision_date: Set(d.decision_date),
        valid_until: Set(d.valid_until),
        by_law: Set(d.by_law),
        law: Set(d.law.clone()),
        revision_date: Set(d.revision_date),
        follow_up: Set(d.follow_up.clone()),
        diarienummer: Set(d.diarienummer.clone()),
        paragraph: Set(d.paragraph.clone()),
        body_md: Set(d.body_md.clone()),
        attachment_id: Set(None),
        created_by: Set(Some(by)),
        created_at: Set(t),
        updated_at: Set(t),
        adopted_by: Set(None),
        adopted_at: Set(None),
        ..Default::default()
    }
}

/// A version's fields for the audit log (the text by its length and hash, not in full).
pub(crate) fn version_json(v: &ver::Model) -> serde_json::Value {
    use sha2::Digest;
    json!({
        "version": v.number, "title": v.title, "deciding_body": v.deciding_body, "decision_date": v.decision_date,
        "valid_until": v.valid_until, "by_law": v.by_law, "law": v.law, "revision_date": v.revision_date,
        "follow_up": v.follow_up, "diarienummer": v.diarienummer, "paragraph": v.paragraph,
        "text_chars": v.body_md.chars().count(), "text_sha256": hex::encode(sha2::Sha256::digest(v.body_md.as_bytes())),
    })
}
