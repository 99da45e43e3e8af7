//! The append-only, hash-chained audit log.

use super::{ListParams, Page};
use crate::entity::{audit_head, audit_log};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::audit::{chain_hash, AuditContent, AuditKey, GENESIS};
use varn_domain::Scope;

/// What a use case records about one change.
#[derive(Debug, Clone, Default)]
pub struct NewAudit {
    /// Acting user, if any.
    pub actor_id: Option<i64>,
    /// Acting user's name at the time (`system` for the system).
    pub actor_name: String,
    /// What was done, e.g. `org.create`.
    pub action: String,
    /// Kind of entity.
    pub entity_type: String,
    /// The entity.
    pub entity_id: Option<i64>,
    /// Where in the organisation the entity lies, for scoped reading.
    pub org_path: Option<String>,
    /// JSON before.
    pub before: Option<serde_json::Value>,
    /// JSON after.
    pub after: Option<serde_json::Value>,
}

/// The hashed content of a stored row.
pub fn content(m: &audit_log::Model) -> AuditContent<'_> {
    AuditContent {
        seq: m.id,
        at_us: m.at_us,
        actor_id: m.actor_id,
        actor_name: &m.actor_name,
        action: &m.action,
        entity_type: &m.entity_type,
        entity_id: m.entity_id,
        org_path: m.org_path.as_deref(),
        before: m.before_json.as_deref(),
        after: m.after_json.as_deref(),
    }
}

/// Appends one row, chained to the last. Call inside the transaction of the change.
///
/// The chain's head is moved and read in one statement (`UPDATE … RETURNING`), which on
/// PostgreSQL also takes its row lock: writers queue there until this transaction ends. On
/// PostgreSQL the row and the head's new hash are then written in one more statement, so the
/// lock is held over two round trips and the commit (it was three); SQLite has a single
/// writer connection and runs the two writes one after the other.
pub async fn append<D: ConnectionTrait>(db: &D, key: &AuditKey, a: NewAudit) -> Result<i64, DbErr> {
    #[derive(FromQueryResult)]
    struct Head {
        last_seq: i64,
        last_hash: String,
    }
    let backend = db.get_database_backend();
    let take = Statement::from_string(backend, "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash");
    let head = Head::find_by_statement(take).one(db).await?.ok_or_else(|| DbErr::RecordNotFound("audit_head".into()))?;
    let mut row = audit_log::Model {
        id: head.last_seq,
        at_us: super::now().timestamp_micros(),
        actor_id: a.actor_id,
        actor_name: a.actor_name,
        action: a.action,
        entity_type: a.entity_type,
        entity_id: a.entity_id,
        org_path: a.org_path,
        before_json: a.before.map(|v| v.to_string()),
        after_json: a.after.map(|v| v.to_string()),
        prev_hash: head.last_hash,
        hash: String::new(),
    };
    row.hash = chain_hash(key, &row.prev_hash, &content(&row));
    let id = row.id;
    let hash = row.hash.clone();
    let insert = audit_log::Entity::insert(audit_log::ActiveModel::from(row)).build(backend);
    if backend == DbBackend::Postgres {
        let mut values = insert.values.map(|v| v.0).unwrap_or_default();
        values.push(hash.into());
        let sql = format!("WITH moved AS (UPDATE audit_head SET last_hash = ${} WHERE id = 1) {}", values.len(), insert.sql);
        db.execute(Statement::from_sql_and_values(backend, sql, values)).await?;
    } else {
        db.execute(insert).await?;
        audit_head::Entity::update_many()
            .col_expr(audit_head::Column::LastHash, Expr::value(hash))
            .filter(audit_head::Column::Id.eq(1))
            .exec(db)
            .await?;
    }
    Ok(id)
}

/// Filters of the audit list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this actor.
    pub actor_id: Option<i64>,
    /// Only this kind of entity.
    pub entity_type: Option<String>,
    /// Only this entity.
    pub entity_id: Option<i64>,
    /// From this time (µs, inclusive).
    pub from_us: Option<i64>,
    /// Before this time (µs, exclusive).
    pub to_us: Option<i64>,
    /// The actions whose label, in the reader's language, matches the search words: the
    /// search finds them beside the codes themselves.
    pub actions_labelled: Vec<String>,
    /// Only sign-ins and sign-outs (`auth.*`), or only the rest (the changes).
    pub sign_ins: Option<bool>,
}

/// Audit rows within `scope`, newest first.
pub async fn list<D: ConnectionTrait + 'static>(
    db: &D,
    scope: &Scope,
    f: &AuditFilter,
    p: &ListParams,
) -> Result<Page<audit_log::Model>, DbErr> {
    let mut q = crate::repo::select::find::<audit_log::Entity>()
        .filter(crate::scope_condition(scope, Expr::col(audit_log::Column::OrgPath).into()));
    if let Some(a) = f.actor_id {
        q = q.filter(audit_log::Column::ActorId.eq(a));
    }
    if let Some(t) = &f.entity_type {
        q = q.filter(audit_log::Column::EntityType.eq(t.as_str()));
    }
    if let Some(e) = f.entity_id {
        q = q.filter(audit_log::Column::EntityId.eq(e));
    }
    if let Some(t) = f.from_us {
        q = q.filter(audit_log::Column::AtUs.gte(t));
    }
    if let Some(t) = f.to_us {
        q = q.filter(audit_log::Column::AtUs.lt(t));
    }
    match f.sign_ins {
        Some(true) => q = q.filter(audit_log::Column::Action.like("auth.%")),
        Some(false) => q = q.filter(audit_log::Column::Action.not_like("auth.%")),
        None => {}
    }
    if let Some(like) = p.like() {
        let mut c = Condition::any().add(super::ilike(Expr::col(audit_log::Column::Action).into(), &like));
        if !f.actions_labelled.is_empty() {
            c = c.add(audit_log::Column::Action.is_in(f.actions_labelled.clone()));
        }
        q = q.filter(c);
    }
    let unfiltered = scope.is_all()
        && f.actor_id.is_none()
        && f.entity_type.is_none()
        && f.entity_id.is_none()
        && f.from_us.is_none()
        && f.to_us.is_none()
        && f.sign_ins.is_none()
        && p.like().is_none();
    let counted = q.clone();
    let q = q.order_by(audit_log::Column::Id, if p.dir == super::Dir::Asc { Order::Asc } else { Order::Desc });
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    let (items, total, exact) = if unfiltered {
        // The head row knows how many rows the chain has; read with the page.
        let mut b = crate::batch::Reads::on(db);
        let head = b.add(audit_head::Entity::find_by_id(1).into_model::<audit_head::Model>());
        let items = b.add(q.into_model::<audit_log::Model>());
        let mut got = b.run(db).await?;
        let total = got.take_one(head)?.map(|h| h.last_seq.max(0) as u64).unwrap_or(0);
        (got.take(items)?, total, true)
    } else if p.per_page.is_some() {
        super::page_counted(db, counted, 10_000, q.into_model::<audit_log::Model>()).await?
    } else {
        let total = counted.count(db).await?;
        (q.all(db).await?, total, true)
    };
    Ok(Page { items, total, page: p.page.max(1), per_page: p.per_page.unwrap_or(total.max(1)), exact })
}

/// The outcome of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every row is in place and unchanged.
    Whole {
        /// Rows checked.
        rows: i64,
    },
    /// The first row that is changed, missing or out of place.
    Broken {
        /// The sequence number where the chain breaks.
        seq: i64,
        /// What is wrong there.
        reason: &'static str,
    },
}

/// A signed record, kept outside the database, of where the chain's head was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The head's sequence number.
    pub seq: i64,
    /// The head row's hash.
    pub hash: String,
}

/// The head: the newest row's position and hash.
pub async fn head<D: ConnectionTrait>(db: &D) -> Result<Checkpoint, DbErr> {
    let h = audit_head::Entity::find_by_id(1).one(db).await?.ok_or_else(|| DbErr::RecordNotFound("audit_head".into()))?;
    Ok(Checkpoint { seq: h.last_seq, hash: h.last_hash })
}

/// Walks the whole chain in id order, in batches, and reports the first break: a row whose
/// keyed hash does not match, a missing row, a head that does not point at the last row, or
/// (given the latest checkpoint) a chain that no longer reaches the checkpoint or differs
/// from it there (rows removed from the end and the head moved back).
pub async fn verify<D: ConnectionTrait>(db: &D, key: &AuditKey, checkpoint: Option<&Checkpoint>) -> Result<Verdict, DbErr> {
    let mut prev = GENESIS.to_owned();
    let mut expect = 1_i64;
    loop {
        let batch = crate::repo::select::find::<audit_log::Entity>()
            .filter(audit_log::Column::Id.gte(expect))
            .order_by_asc(audit_log::Column::Id)
            .limit(5000)
            .all(db)
            .await?;
        if batch.is_empty() {
            break;
        }
        for row in &batch {
            if row.id != expect {
                return Ok(Verdict::Broken { seq: expect, reason: "missing" });
            }
            if row.prev_hash != prev {
                return Ok(Verdict::Broken { seq: row.id, reason: "prev_hash" });
            }
            if chain_hash(key, &prev, &content(row)) != row.hash {
                return Ok(Verdict::Broken { seq: row.id, reason: "content" });
            }
            if checkpoint.is_some_and(|c| c.seq == row.id && c.hash != row.hash) {
                return Ok(Verdict::Broken { seq: row.id, reason: "checkpoint" });
            }
            prev = row.hash.clone();
            expect += 1;
        }
    }
    if let Some(c) = checkpoint.filter(|c| c.seq > expect - 1) {
        // The checkpoint saw rows that are gone.
        return Ok(Verdict::Broken { seq: (expect).min(c.seq), reason: "truncated" });
    }
    let head = audit_head::Entity::find_by_id(1).one(db).await?;
    match head {
        Some(h) if h.last_seq == expect - 1 && h.last_hash == prev => Ok(Verdict::Whole { rows: expect - 1 }),
        Some(h) if h.last_seq >= expect => Ok(Verdict::Broken { seq: expect, reason: "missing" }),
        _ => Ok(Verdict::Broken { seq: expect - 1, reason: "head" }),
    }
}
