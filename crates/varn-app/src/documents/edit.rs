//! Writing drafts: create, save, and the actions of a strategy. Formats and the seed's rules
//! are checked by the command ([`super::commands`]); here what needs the database.

use super::commands::{ActionCommand, DocForm, DraftCommand};
use super::{Documents, Editable};
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::json;
use varn_domain::document::{check_adoption, DocType, Status, Validity, VersionState};
use varn_domain::{FieldErrors, OrgPath, Permission, Scope};
use varn_store::entity::{document as doc, document_action, document_version as ver};
use varn_store::repo::documents as repo;
use varn_store::repo::{now, org, users};

/// A draft whose references have been checked: the command with the owner found.
pub(crate) struct Checked {
    cmd: DraftCommand,
    owner_user_id: Option<i64>,
    /// The deciding body's unit (none for a chef).
    body_unit: Option<i64>,
    /// Who writes it.
    by: Option<i64>,
}

impl<'a> Documents<'a> {
    /// Checks what the command refers to, through `db`: units the actor may write, the owner,
    /// the parent (type, not repealed, no cycle), the city's setting for nämnder, and that
    /// an adopted document keeps its type.
    async fn check<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &Actor,
        cmd: DraftCommand,
        editing: Option<&doc::Model>,
    ) -> Result<Checked, AppError> {
        let write = actor.scope(Permission::DocumentWrite);
        let mut e = FieldErrors::new();
        // The owning unit: active and writable; the unit it applies to: writable, or the root.
        let owning = org::find_any(db, cmd.unit_id.get()).await?.filter(|u| u.active && covers(&write, &u.path));
        if owning.is_none() {
            e.add("unit_id", "err.doc.unit_forbidden");
        }
        let applies = org::find_any(db, cmd.applies_to_unit_id.get()).await?.filter(|u| u.parent_id.is_none() || covers(&write, &u.path));
        if applies.is_none() {
            e.add("applies_to_unit_id", "err.doc.unit_forbidden");
        }
        // Scope follows the deciding body.
        let body_unit = match (&owning, &applies) {
            (Some(o), Some(a)) => {
                super::decide::check_draft(db, cmd.deciding_body, cmd.deciding_unit_id.map(|u| u.get()), o, a, &mut e).await?
            }
            _ => None,
        };
        let owner_user_id = match &cmd.owner_username {
            None => None,
            Some(name) => match users::find_person(db, name).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("owner_username", "err.user.unknown");
                    None
                }
            },
        };
        let rules = super::rules_in(db).await?;
        let on = cmd.decision_date.unwrap_or_else(varn_domain::task::today);
        for (f, code) in check_adoption(cmd.doc_type, cmd.deciding_body, cmd.validity, on, rules) {
            if e.get(f).is_none() {
                e.add(f, code);
            }
        }
        if let Some(prev) = editing {
            if prev.current_version_id.is_some() && prev.doc_type != cmd.doc_type {
                e.add("doc_type", "err.doc.type_fixed");
            }
        }
        if let Some(pid) = cmd.parent_id {
            if let Some(code) = self.parent_problem(db, actor, cmd.doc_type, pid.get(), editing.map(|m| m.id)).await? {
                e.add("parent_id", code);
            }
        }
        e.into_result()?;
        Ok(Checked { cmd, owner_user_id, body_unit, by: Some(actor.id.0) })
    }

    /// Why `pid` cannot be the parent of a document of type `t` (itself `me` when editing).
    async fn parent_problem<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &Actor,
        t: DocType,
        pid: i64,
        me: Option<i64>,
    ) -> Result<Option<&'static str>, AppError> {
        let Some((p, _)) = repo::find(db, &self.visibility(actor), pid).await? else { return Ok(Some("err.doc.parent_unknown")) };
        if !t.may_implement(p.doc_type) {
            return Ok(Some("err.doc.parent_type"));
        }
        if p.status == Status::Upphavd {
            return Ok(Some("err.doc.parent_repealed"));
        }
        // No cycles: walk up from the new parent.
        let mut at = Some(p);
        let mut steps = 0;
        while let Some(x) = at {
            if Some(x.id) == me {
                return Ok(Some("err.doc.parent_cycle"));
            }
            steps += 1;
            at = match x.parent_id {
                Some(up) if steps < 50 => repo::find_any(db, up).await?,
                _ => None,
            };
        }
        Ok(None)
    }

    /// The open draft as the form shows it.
    pub async fn draft_form(&self, actor: &Actor, id: i64) -> Result<DocForm, AppError> {
        let cap = actor.can(Permission::DocumentWrite)?;
        let ed = self.editable(self.db(), cap, id).await?;
        let v = open_draft(self.db(), &ed).await?;
        let scope = VersionScope::of(&ed.doc, &v);
        let owner = match scope.owner {
            Some(u) => users::find_any(self.db(), u).await?.map(|u| u.username).unwrap_or_default(),
            None => String::new(),
        };
        let cmd = DraftCommand {
            doc_type: ed.doc.doc_type,
            title: v.title,
            unit_id: varn_domain::OrgUnitId(scope.unit),
            applies_to_unit_id: varn_domain::OrgUnitId(scope.applies_to),
            owner_username: None,
            parent_id: scope.parent.map(varn_domain::DocumentId),
            deciding_body: v.deciding_body,
            deciding_unit_id: v.deciding_unit_id.filter(|_| !v.deciding_body.is_unique()).map(varn_domain::OrgUnitId),
            validity: v.valid_until.map(Validity::Until).unwrap_or(Validity::TillsVidare),
            decision_date: v.decision_date,
            law: if v.by_law { Some(v.law.unwrap_or_default()) } else { None },
            revision_date: v.revision_date,
            follow_up: v.follow_up,
            diarienummer: v.diarienummer,
            paragraph: v.paragraph,
            body_md: v.body_md,
        };
        Ok(DocForm::of(&cmd, owner))
    }

    /// Creates a document as an utkast with its first draft version. `input` (the form or the
    /// JSON body) becomes the command once the actor is known to may write documents.
    pub async fn create<I>(&self, actor: &Actor, input: I) -> Result<i64, AppError>
    where
        DraftCommand: TryFrom<I, Error = FieldErrors>,
    {
        let cap = actor.can(Permission::DocumentWrite)?;
        let cmd = DraftCommand::try_from(input)?;
        let w = self.app.begin(&cap).await?;
        let d = self.check(&*w, actor, cmd, None).await?;
        let path = org::find_any(&*w, d.cmd.unit_id.get()).await?.map(|u| u.path);
        let t = now();
        let m = doc::ActiveModel {
            doc_type: Set(d.cmd.doc_type),
            title: Set(d.cmd.title.clone()),
            search_text: Set(d.cmd.title.to_lowercase()),
            status: Set(Status::Utkast),
            unit_id: Set(d.cmd.unit_id.get()),
            applies_to_unit_id: Set(d.cmd.applies_to_unit_id.get()),
            owner_user_id: Set(d.owner_user_id),
            parent_id: Set(d.cmd.parent_id.map(|p| p.get())),
            current_version_id: Set(None),
            revision_date: Set(None),
            valid_until: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        let v = version_model(m.id, 1, &d).insert(&*w).await?;
        let after = json!({"type": m.doc_type, "title": m.title, "version": v.number, "unit": m.unit_id, "parent": m.parent_id});
        w.commit(cap.audit("document.create", "document").entity(m.id).at(path).after(after)).await?;
        Ok(m.id)
    }

    /// Saves the open draft (utkast or under revision only: adopted versions are frozen).
    pub async fn update<I>(&self, actor: &Actor, id: i64, input: I) -> Result<(), AppError>
    where
        DraftCommand: TryFrom<I, Error = FieldErrors>,
    {
        let cap = actor.can(Permission::DocumentWrite)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        let draft = open_draft(&*w, &ed).await?;
        let cmd = DraftCommand::try_from(input)?;
        let d = self.check(&*w, actor, cmd, Some(&ed.doc)).await?;
        let before = version_json(&draft);
        let mut am: doc::ActiveModel = ed.doc.clone().into();
        if ed.doc.current_version_id.is_none() {
            // Never adopted: the draft is all there is, and it says where the document sits.
            am.doc_type = Set(d.cmd.doc_type);
            am.title = Set(d.cmd.title.clone());
            am.search_text = Set(d.cmd.title.to_lowercase());
            am.unit_id = Set(d.cmd.unit_id.get());
            am.applies_to_unit_id = Set(d.cmd.applies_to_unit_id.get());
            am.owner_user_id = Set(d.owner_user_id);
            am.parent_id = Set(d.cmd.parent_id.map(|p| p.get()));
        }
        // A revision's scope waits in its draft: the version in force keeps applying where it
        // does until the revision is adopted.
        am.updated_at = Set(now());
        am.update(&*w).await?;
        let mut vm = version_model(id, draft.number, &d);
        vm.id = Set(draft.id);
        vm.created_by = Set(draft.created_by);
        vm.created_at = Set(draft.created_at);
        vm.attachment_id = Set(draft.attachment_id);
        let v = vm.update(&*w).await?;
        w.commit(ed.cap.audit("document.update", "document").entity(id).at(ed.path).before(before).after(version_json(&v))).await
    }

    /// Adds an action to a strategy whose text is open for editing.
    pub async fn add_action<I>(&self, actor: &Actor, id: i64, input: I) -> Result<i64, AppError>
    where
        ActionCommand: TryFrom<I, Error = FieldErrors>,
    {
        let cap = actor.can(Permission::DocumentWrite)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        if ed.doc.doc_type != DocType::Strategi {
            return Err(AppError::conflict("err.doc.actions_strategi_only"));
        }
        let draft = open_draft(&*w, &ed).await?;
        let cmd = ActionCommand::try_from(input)?;
        let mut e = FieldErrors::new();
        let scope = VersionScope::of(&ed.doc, &draft);
        let user = match &cmd.responsible_username {
            None => None,
            Some(name) => match users::find_person(&*w, name).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("responsible_username", "err.user.unknown");
                    None
                }
            },
        };
        let unit = match cmd.responsible_unit_id {
            None => None,
            Some(u) => match org::find_any(&*w, u.get()).await? {
                Some(x) if x.active => Some(x.id),
                _ => {
                    e.add("responsible_unit_id", "err.choose");
                    None
                }
            },
        };
        super::decide::check_action(&*w, scope.applies_to, user, unit, (cmd.due_date, draft.valid_until), &mut e).await?;
        e.into_result()?;
        let a = document_action::ActiveModel {
            document_id: Set(id),
            title: Set(cmd.title.clone()),
            responsible_user_id: Set(user),
            responsible_unit_id: Set(unit),
            due_date: Set(Some(cmd.due_date)),
            priority: Set(cmd.priority),
            task_id: Set(None),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        let after = json!({"action": a.id, "title": cmd.title, "user": user, "unit": unit, "due": cmd.due_date, "priority": cmd.priority});
        w.commit(ed.cap.audit("document.action.create", "document").entity(id).at(ed.path).after(after)).await?;
        Ok(a.id)
    }

    /// Removes an action that has not yet become a task.
    pub async fn remove_action(&self, actor: &Actor, id: i64, action_id: i64) -> Result<(), AppError> {
        let cap = actor.can(Permission::DocumentWrite)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        open_draft(&*w, &ed).await?;
        let act = repo::action_models(&*w, id).await?.into_iter().find(|x| x.id == action_id).ok_or(AppError::NotFound)?;
        if act.task_id.is_some() {
            return Err(AppError::conflict("err.doc.action_adopted"));
        }
        document_action::Entity::delete_by_id(action_id).exec(&*w).await?;
        let before = json!({"action": act.id, "title": act.title});
        w.commit(ed.cap.audit("document.action.delete", "document").entity(id).at(ed.path).before(before)).await
    }
}

fn covers(scope: &Scope, path: &str) -> bool {
    OrgPath::parse(path).map(|p| scope.covers(&p)).unwrap_or(false)
}

/// Where a version sits: its own scope when it has one (drafts written since versions carry
/// it), else the document's.
pub(crate) struct VersionScope {
    pub unit: i64,
    pub applies_to: i64,
    pub owner: Option<i64>,
    pub parent: Option<i64>,
}

impl VersionScope {
    pub(crate) fn of(d: &doc::Model, v: &ver::Model) -> Self {
        match v.unit_id {
            Some(unit) => VersionScope {
                unit,
                applies_to: v.applies_to_unit_id.unwrap_or(d.applies_to_unit_id),
                owner: v.owner_user_id,
                parent: v.parent_id,
            },
            None => VersionScope { unit: d.unit_id, applies_to: d.applies_to_unit_id, owner: d.owner_user_id, parent: d.parent_id },
        }
    }
}

/// The draft open for editing (utkast or under revision), or a conflict.
pub(crate) async fn open_draft<C: ConnectionTrait>(db: &C, ed: &Editable<'_>) -> Result<ver::Model, AppError> {
    if !ed.doc.status.is_editable() {
        return Err(AppError::conflict("err.doc.not_editable"));
    }
    repo::draft(db, ed.doc.id).await?.ok_or_else(|| AppError::conflict("err.doc.not_editable"))
}

fn version_model(document_id: i64, number: i32, d: &Checked) -> ver::ActiveModel {
    let (c, t) = (&d.cmd, now());
    ver::ActiveModel {
        document_id: Set(document_id),
        number: Set(number),
        state: Set(VersionState::Draft),
        title: Set(c.title.clone()),
        deciding_body: Set(c.deciding_body),
        decision_date: Set(c.decision_date),
        valid_until: Set(c.valid_until()),
        by_law: Set(c.law.is_some()),
        law: Set(c.law.clone()),
        revision_date: Set(c.revision_date),
        follow_up: Set(c.follow_up.clone()),
        diarienummer: Set(c.diarienummer.clone()),
        paragraph: Set(c.paragraph.clone()),
        body_md: Set(c.body_md.clone()),
        attachment_id: Set(None),
        created_by: Set(d.by),
        created_at: Set(t),
        updated_at: Set(t),
        adopted_by: Set(None),
        adopted_at: Set(None),
        unit_id: Set(Some(c.unit_id.get())),
        applies_to_unit_id: Set(Some(c.applies_to_unit_id.get())),
        owner_user_id: Set(d.owner_user_id),
        parent_id: Set(c.parent_id.map(|p| p.get())),
        deciding_unit_id: Set(d.body_unit),
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
        "deciding_unit": v.deciding_unit_id, "valid_from": v.valid_from, "approved_by": v.approved_by_user_id,
        "consulted": v.consulted, "unit": v.unit_id, "applies_to": v.applies_to_unit_id, "owner": v.owner_user_id, "parent": v.parent_id,
        "text_chars": v.body_md.chars().count(), "text_sha256": hex::encode(sha2::Sha256::digest(v.body_md.as_bytes())),
    })
}
