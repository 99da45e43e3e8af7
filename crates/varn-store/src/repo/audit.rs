//! The append-only, hash-chained audit log.

use super::{ListParams, Page};
use crate::entity::{audit_head, audit_log};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use std::collections::BTreeMap;
use varn_domain::audit::{chain_hash, AuditContent, AuditKey, LaneHead, GENESIS};
use varn_domain::Scope;

/// How many lanes the chain has: how many writers' commits may be in flight at once on
/// PostgreSQL (SQLite's one writer appends in lane 1). Migration m0024 made the heads.
pub const LANES: i64 = 8;

/// Moves PostgreSQL's id sequence past the largest id written: after the migration, and after
/// rows written with their ids (the benchmark's city).
pub const IDS_FOLLOW: &str = "SELECT setval('audit_log_ids', COALESCE((SELECT MAX(id) FROM audit_log), 0) + 1, false)";

/// Moves the id sequence past the rows written with their own ids (PostgreSQL; nothing to do
/// on SQLite, which takes the largest id + 1).
pub async fn ids_follow<D: ConnectionTrait>(db: &D) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        db.execute(Statement::from_string(DbBackend::Postgres, IDS_FOLLOW)).await?;
    }
    Ok(())
}

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
        lane: (m.lane != 1).then_some(i64::from(m.lane)),
    }
}

/// Appends one row, chained to the last row of its lane. Call inside the transaction of the
/// change.
///
/// The first statement takes a lane and moves its head (`UPDATE … RETURNING`, which also
/// returns the row's id). On PostgreSQL it takes the first lane no other transaction holds
/// (`FOR UPDATE SKIP LOCKED`; a transaction that holds one already is given it again, as its
/// own lock does not skip), and only when all are held waits for one chosen by its backend
/// (so that waiting writers spread over the lanes): writers queue only when [`LANES`] commits
/// are in flight. The row and the lane's new hash
/// are then written in one more statement. SQLite has a single writer connection and appends
/// in lane 1; its two writes go in one text.
pub async fn append<D: ConnectionTrait>(db: &D, key: &AuditKey, a: NewAudit) -> Result<i64, DbErr> {
    #[derive(FromQueryResult)]
    struct Head {
        lane: i32,
        last_hash: String,
        next_id: i64,
    }
    let backend = db.get_database_backend();
    let take = if backend == DbBackend::Postgres {
        format!(
            "UPDATE audit_head SET last_seq = last_seq + 1 \
             WHERE id = COALESCE((SELECT id FROM audit_head ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED), \
                                 (SELECT id FROM audit_head ORDER BY (id + pg_backend_pid()) % {LANES}, id LIMIT 1)) \
             RETURNING id AS lane, last_hash, nextval('audit_log_ids') AS next_id"
        )
    } else {
        "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 \
         RETURNING id AS lane, last_hash, (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log) AS next_id"
            .to_owned()
    };
    let head = Head::find_by_statement(Statement::from_string(backend, take))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("audit_head".into()))?;
    let lane = i16::try_from(head.lane).map_err(|_| DbErr::Custom(format!("audit lane {} out of range", head.lane)))?;
    let mut row = audit_log::Model {
        id: head.next_id,
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
        lane,
    };
    row.hash = chain_hash(key, &row.prev_hash, &content(&row));
    let id = row.id;
    let hash = row.hash.clone();
    let insert = audit_log::Entity::insert(audit_log::ActiveModel::from(row)).build(backend);
    // The row and the head's new hash in one statement sent: on PostgreSQL one statement
    // (the head moved in a `WITH`), on SQLite two statements in one text, which SQLx runs in
    // one hand-off to the connection's thread, binding their `?`s in order.
    let mut values = insert.values.map(|v| v.0).unwrap_or_default();
    values.push(hash.into());
    values.push(head.lane.into());
    let sql = if backend == DbBackend::Postgres {
        let n = values.len();
        format!("WITH moved AS (UPDATE audit_head SET last_hash = ${} WHERE id = ${n}) {}", n - 1, insert.sql)
    } else {
        format!("{}; UPDATE audit_head SET last_hash = ? WHERE id = ?", insert.sql)
    };
    db.execute(Statement::from_sql_and_values(backend, sql, values)).await?;
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
        let mut c = Condition::any().add(super::ilike(db.get_database_backend(), Expr::col(audit_log::Column::Action).into(), &like));
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
        // The lanes' heads know how many rows the chain has; read with the page. Both
        // statements are built once per page asked (building them was about 1 % of the log's
        // first page).
        static BUILT: crate::repo::memo::Memo<(Statement, Statement)> = crate::repo::memo::Memo::new();
        let backend = db.get_database_backend();
        let (heads, items) = BUILT.statement(backend, &format!("{:?}|{}|{:?}", p.dir, p.offset(), p.per_page), || {
            use crate::repo::kept::Read;
            (
                audit_head::Entity::find().into_model::<audit_head::Model>().statement(backend),
                q.into_model::<audit_log::Model>().statement(backend),
            )
        });
        let mut b = crate::batch::Reads::on(db);
        let heads = b.add_statement::<SelectModel<audit_head::Model>>(heads);
        let items = b.add_statement::<SelectModel<audit_log::Model>>(items);
        let mut got = b.run(db).await?;
        let total = got.take(heads)?.iter().map(|h| h.last_seq.max(0) as u64).sum();
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
        /// Where the chain breaks: the id of a row that is changed, or of the row that follows
        /// one that is missing (ids may have gaps: a write rolled back leaves its id unused);
        /// for rows missing from the end of a lane, the lane's first missing position (in lane
        /// 1 of a chain without gaps in its ids, the missing row's id).
        seq: i64,
        /// What is wrong there.
        reason: &'static str,
    },
}

/// A signed record, kept outside the database, of where the chain's heads were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// Lane 1's rows.
    pub seq: i64,
    /// Lane 1's newest hash.
    pub hash: String,
    /// The other lanes that held rows.
    pub lanes: Vec<LaneHead>,
}

impl Checkpoint {
    /// Rows in all lanes.
    pub fn rows(&self) -> i64 {
        self.seq + self.lanes.iter().map(|l| l.seq).sum::<i64>()
    }

    /// Every lane's head, lane 1 first.
    fn heads(&self) -> impl Iterator<Item = LaneHead> + '_ {
        std::iter::once(LaneHead { lane: 1, seq: self.seq, hash: self.hash.clone() }).chain(self.lanes.iter().cloned())
    }
}

/// The heads: each lane's rows and newest hash (lane 1 always, the others when they hold rows).
pub async fn head<D: ConnectionTrait>(db: &D) -> Result<Checkpoint, DbErr> {
    let heads = audit_head::Entity::find().order_by_asc(audit_head::Column::Id).all(db).await?;
    let first = heads.iter().find(|h| h.id == 1).ok_or_else(|| DbErr::RecordNotFound("audit_head".into()))?;
    Ok(Checkpoint {
        seq: first.last_seq,
        hash: first.last_hash.clone(),
        lanes: heads
            .iter()
            .filter(|h| h.id != 1 && h.last_seq > 0)
            .map(|h| LaneHead { lane: i64::from(h.id), seq: h.last_seq, hash: h.last_hash.clone() })
            .collect(),
    })
}

/// Walks the whole log in id order, in batches, following each lane's chain, and reports the
/// first break: a row whose keyed hash does not match, a row that does not follow its lane's
/// last (changed, removed or moved), a head that does not point at its lane's last row, or
/// (given the latest checkpoint) a lane that no longer reaches the checkpoint or differs from
/// it there (rows removed from the end and the head moved back).
///
/// The heads and every row are read in one snapshot (a read transaction; on PostgreSQL
/// `REPEATABLE READ`), so writes that commit meanwhile, in any order of their ids, are either
/// wholly seen or not at all.
pub async fn verify<D: ConnectionTrait + TransactionTrait>(
    db: &D,
    key: &AuditKey,
    checkpoint: Option<&Checkpoint>,
) -> Result<Verdict, DbErr> {
    let txn = if db.get_database_backend() == DbBackend::Postgres {
        db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?
    } else {
        db.begin().await?
    };
    let verdict = verify_in(&txn, key, checkpoint).await;
    txn.rollback().await?;
    verdict
}

async fn verify_in(db: &DatabaseTransaction, key: &AuditKey, checkpoint: Option<&Checkpoint>) -> Result<Verdict, DbErr> {
    struct Lane {
        rows: i64,
        prev: String,
        last_id: i64,
    }
    let heads = audit_head::Entity::find().all(db).await?;
    let mut lanes: BTreeMap<i64, Lane> =
        heads.iter().map(|h| (i64::from(h.id), Lane { rows: 0, prev: GENESIS.to_owned(), last_id: 0 })).collect();
    let marks: BTreeMap<i64, LaneHead> = checkpoint.map(|c| c.heads().map(|h| (h.lane, h)).collect()).unwrap_or_default();
    let mut after = 0_i64;
    let mut rows = 0_i64;
    loop {
        let batch = crate::repo::select::find::<audit_log::Entity>()
            .filter(audit_log::Column::Id.gt(after))
            .order_by_asc(audit_log::Column::Id)
            .limit(5000)
            .all(db)
            .await?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        // On SQLite the reads run on this task and are done when first polled
        // (vendor/sqlx-sqlite/VARN-PATCH.md): a walk of millions of rows lets the runtime serve
        // other requests between batches.
        tokio::task::yield_now().await;
        for row in &batch {
            let Some(lane) = lanes.get_mut(&i64::from(row.lane)) else {
                return Ok(Verdict::Broken { seq: row.id, reason: "lane" });
            };
            if chain_hash(key, &lane.prev, &content(row)) != row.hash {
                // Which part is not as written: only the stored link, a row missing before
                // this one (the row is whole and links to a row that is gone), or the row.
                let reason = if row.prev_hash != lane.prev && chain_hash(key, &row.prev_hash, &content(row)) == row.hash {
                    "missing"
                } else {
                    "content"
                };
                return Ok(Verdict::Broken { seq: row.id, reason });
            }
            if row.prev_hash != lane.prev {
                return Ok(Verdict::Broken { seq: row.id, reason: "prev_hash" });
            }
            lane.rows += 1;
            if marks.get(&i64::from(row.lane)).is_some_and(|m| m.seq == lane.rows && m.hash != row.hash) {
                return Ok(Verdict::Broken { seq: row.id, reason: "checkpoint" });
            }
            lane.prev = row.hash.clone();
            lane.last_id = row.id;
            rows += 1;
        }
    }
    for (n, lane) in &lanes {
        if marks.get(n).is_some_and(|m| m.seq > lane.rows) {
            // The checkpoint saw rows that are gone.
            return Ok(Verdict::Broken { seq: lane.rows + 1, reason: "truncated" });
        }
    }
    if let Some(m) = marks.values().find(|m| !lanes.contains_key(&m.lane)) {
        return Ok(Verdict::Broken { seq: m.seq, reason: "truncated" });
    }
    for h in &heads {
        let Some(lane) = lanes.get(&i64::from(h.id)) else { continue };
        if h.last_seq > lane.rows {
            return Ok(Verdict::Broken { seq: lane.rows + 1, reason: "missing" });
        }
        if h.last_seq != lane.rows || h.last_hash != lane.prev {
            return Ok(Verdict::Broken { seq: lane.last_id, reason: "head" });
        }
    }
    Ok(Verdict::Whole { rows })
}
