//! Attachments: files kept in the database, checked against the scope of what they belong to.

use crate::{Actor, App, AppError, Capability};
use sea_orm::Set;
use serde_json::json;
use sha2::{Digest, Sha256};
use varn_domain::Permission;
use varn_store::entity::attachment;
use varn_store::repo::attachments::{self as repo, AttachmentMeta};
use varn_store::repo::{now, org};

/// A file as uploaded.
pub struct Upload {
    /// The name the browser gave.
    pub filename: String,
    /// The type the browser declared.
    pub content_type: String,
    /// The bytes.
    pub data: Vec<u8>,
}

/// Keeps the last path segment, drops control characters and quotes, and bounds the length.
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    // No control characters, and no invisible format characters either: a right-to-left
    // override would show "fakturaexe.pdf" for "faktura\u{202E}fdp.exe".
    let invisible = |c: &char| matches!(*c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0x061C);
    let cleaned: String = base.chars().filter(|c| !c.is_control() && !invisible(c) && !matches!(c, '"' | '<' | '>')).take(200).collect();
    let t = cleaned.trim().trim_start_matches('.').to_owned();
    if t.is_empty() {
        "fil".into()
    } else {
        t
    }
}

/// A checked upload as a row to insert, with its cleaned name and SHA-256: refuses an empty
/// file and one over `max` bytes.
pub(crate) fn attachment_row(
    up: Upload,
    max: usize,
    entity_type: &str,
    entity_id: i64,
    unit_id: i64,
    by: i64,
) -> Result<(attachment::ActiveModel, String, String), AppError> {
    if up.data.is_empty() {
        return Err(AppError::field("file", "err.file.empty"));
    }
    if up.data.len() > max {
        return Err(AppError::field("file", "err.file.too_large"));
    }
    let sha = hex::encode(Sha256::digest(&up.data));
    let filename = clean_filename(&up.filename);
    let ct =
        if up.content_type.is_empty() || up.content_type.len() > 127 { "application/octet-stream".to_owned() } else { up.content_type };
    let row = attachment::ActiveModel {
        entity_type: Set(entity_type.into()),
        entity_id: Set(entity_id),
        org_unit_id: Set(Some(unit_id)),
        filename: Set(filename.clone()),
        content_type: Set(ct),
        size_bytes: Set(up.data.len() as i64),
        sha256: Set(sha.clone()),
        data: Set(up.data),
        uploaded_by: Set(Some(by)),
        created_at: Set(now()),
        ..Default::default()
    };
    Ok((row, filename, sha))
}

impl App {
    /// The path of a unit the actor sees, and the capability `p` over it.
    async fn unit_path_for<'a>(&self, actor: &'a Actor, unit_id: i64, p: Permission) -> Result<(String, Capability<'a>), AppError> {
        let u = org::find(self.store.read(), &actor.scope(Permission::OrgRead), unit_id).await?.ok_or(AppError::NotFound)?;
        let cap = actor.can(p)?;
        cap.covers(&u.path)?;
        Ok((u.path, cap))
    }

    /// Attaches a file to an organisation unit.
    pub async fn attach_to_unit(&self, actor: &Actor, unit_id: i64, up: Upload) -> Result<AttachmentMeta, AppError> {
        let (path, cap) = self.unit_path_for(actor, unit_id, Permission::OrgWrite).await?;
        let (row, filename, sha) = attachment_row(up, self.config.max_attachment_bytes, "org_unit", unit_id, unit_id, actor.id.0)?;
        let w = self.begin(&cap).await?;
        let m = repo::insert(&*w, row).await?;
        w.commit(
            cap.audit("attachment.create", "attachment")
                .entity(m.id)
                .at(path)
                .after(json!({"filename": filename, "size": m.size_bytes, "sha256": sha, "entity": "org_unit", "entity_id": unit_id})),
        )
        .await?;
        repo::meta_by_id(self.store.read(), m.id).await?.ok_or(AppError::NotFound)
    }

    /// The files of a unit.
    pub async fn unit_attachments(&self, actor: &Actor, unit_id: i64) -> Result<Vec<AttachmentMeta>, AppError> {
        self.unit_path_for(actor, unit_id, Permission::OrgRead).await?;
        Ok(repo::of_entity(self.store.read(), "org_unit", unit_id).await?)
    }

    /// One file of a unit with its bytes, if the actor may read the unit. Files of other
    /// things (a document version) are served by their own module, under its rules.
    pub async fn attachment_get(&self, actor: &Actor, id: i64) -> Result<attachment::Model, AppError> {
        let meta = repo::meta_by_id(self.store.read(), id).await?.filter(|m| m.entity_type == "org_unit").ok_or(AppError::NotFound)?;
        let unit = meta.org_unit_id.ok_or(AppError::NotFound)?;
        self.unit_path_for(actor, unit, Permission::OrgRead).await.map_err(|_| AppError::NotFound)?;
        repo::get(self.store.read(), id).await?.ok_or(AppError::NotFound)
    }

    /// Removes a file of a unit.
    pub async fn attachment_delete(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let meta = repo::meta_by_id(self.store.read(), id).await?.filter(|m| m.entity_type == "org_unit").ok_or(AppError::NotFound)?;
        let unit = meta.org_unit_id.ok_or(AppError::NotFound)?;
        let (path, cap) = self.unit_path_for(actor, unit, Permission::OrgWrite).await?;
        let w = self.begin(&cap).await?;
        repo::delete(&*w, id).await?;
        w.commit(
            cap.audit("attachment.delete", "attachment")
                .entity(id)
                .at(path)
                .before(json!({"filename": meta.filename, "sha256": meta.sha256})),
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::clean_filename;

    #[test]
    fn filenames_are_cleaned() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("C:\\dok\\beslut.pdf"), "beslut.pdf");
        assert_eq!(clean_filename("\"a<b>\".txt"), "ab.txt");
        assert_eq!(clean_filename(".."), "fil");
        assert_eq!(clean_filename("Delegationsordning 2026.pdf"), "Delegationsordning 2026.pdf");
        // Bidirectional overrides and other invisible characters go, letters stay.
        assert_eq!(clean_filename("faktura\u{202E}fdp.exe"), "fakturafdp.exe");
        assert_eq!(clean_filename("a\u{200B}b\u{2066}c\u{FEFF}.txt\u{0007}"), "abc.txt");
        assert_eq!(clean_filename("Årsrapport – ÄÖ.pdf"), "Årsrapport – ÄÖ.pdf");
    }
}
