//! Risk management (riskhantering): risk analyses of a unit and their risks, the heat map,
//! treatment actions as tasks, acceptance by the right level, and the links to information
//! assets and incidents. Reached as `app.risks()`.
//!
//! Who may do what: RiskRead reads the analyses and risks of the units in scope; RiskWrite
//! (unit heads, information owners, the samordnare) makes and changes them there; RiskAccept
//! (unit heads) accepts a risk on the unit's behalf, at the level the matrix asks of the
//! risk's residual level (a high risk by a förvaltning's head or above, say).

mod analysis_commands;
pub(crate) mod commands;
mod demo;
mod edit;
mod queries;
mod work;

pub use analysis_commands::{AnalysisCommand, AnalysisForm, AnalysisJson};
pub use commands::{RiskForm, RiskJson};
pub use edit::ActionJson;
pub use queries::{AnalysisView, HeatMap, RiskView};
pub use varn_store::repo::risks::{AnalysisFilter, AnalysisRow, HeatCell, LinkedRisk, Named, RiskFilter, RiskRow, ANALYSIS_SORTS, SORTS};

use crate::{Actor, App, AppError};
use varn_domain::risk::{Catalogue, Matrix};
use varn_domain::{Permission, Scope};
use varn_store::repo::risks as repo;
use varn_store::repo::{ListParams, Page};

/// The module's registration with the foundation.
pub const MODULE: crate::modules::Module = crate::modules::Module {
    name: "risks",
    work: |app, actor, reads| {
        let take = app.risks().work_reads(actor, reads);
        Box::pin(async { Ok(take) })
    },
    unit_refs: |txn, id| Box::pin(repo::unit_references(txn, id)),
    audit_entities: &["risk_analysis", "risk"],
    demo: |app, city| Box::pin(app.risks().load_demo(city)),
    // Open risks past their review date (a closed risk has none).
    follow_up: |app, scope, today| Box::pin(app.past_date(REVIEW_LATE, today.into(), scope)),
    follow_up_links: &[crate::modules::FollowUpLink { kind: "risk.review", link: "/risks?review=overdue", by_unit: true }],
};

const REVIEW_LATE: varn_store::repo::work::PastDate =
    varn_store::repo::work::PastDate { table: "risks", column: "review_on", kind: "risk.review" };

/// The register's page: the risks that match and the heat maps of the open ones.
#[derive(Debug)]
pub struct Register {
    /// One page of risks.
    pub page: Page<RiskRow>,
    /// Before treatment.
    pub inherent: HeatMap,
    /// After treatment.
    pub residual: HeatMap,
    /// The unit chosen as filter.
    pub unit_name: Option<String>,
}

/// The city's risk matrix and its catalogues of threats and vulnerabilities, checked.
#[derive(Debug, Clone)]
pub struct RiskRules {
    /// The matrix.
    pub matrix: Matrix,
    /// The catalogues.
    pub catalogue: Catalogue,
}

impl RiskRules {
    /// Parses and checks a matrix file and a catalogue file (YAML).
    pub fn parse(matrix: &str, catalogue: &str) -> Result<Self, AppError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| AppError::Internal(format!("risk {what}: {e}"));
        let matrix: Matrix = serde_yaml::from_str(matrix).map_err(|e| bad("matrix", &e))?;
        matrix.check().map_err(|e| bad("matrix", &e))?;
        let catalogue: Catalogue = serde_yaml::from_str(catalogue).map_err(|e| bad("catalogue", &e))?;
        catalogue.check().map_err(|e| bad("catalogue", &e))?;
        Ok(RiskRules { matrix, catalogue })
    }

    /// The files in `data/risks/` as shipped.
    pub fn builtin() -> Result<Self, AppError> {
        Self::parse(include_str!("../../../../data/risks/matrix.yaml"), include_str!("../../../../data/risks/catalogue.yaml"))
    }
}

impl App {
    /// The risk module.
    pub fn risks(&self) -> Risks<'_> {
        Risks { app: self }
    }
}

/// The risk module's use cases.
#[derive(Clone, Copy)]
pub struct Risks<'a> {
    app: &'a App,
}

impl<'a> Risks<'a> {
    fn db(&self) -> &'a sea_orm::DatabaseConnection {
        self.app.store.read()
    }

    /// The matrix and catalogues in use.
    pub fn rules(&self) -> &'a RiskRules {
        &self.app.risk_rules
    }

    /// Where the actor reads risks.
    pub fn scope(&self, actor: &Actor) -> Scope {
        actor.scope(Permission::RiskRead)
    }

    /// Whether the actor uses the module at all.
    pub fn can_use(&self, actor: &Actor) -> bool {
        !self.scope(actor).is_none()
    }

    /// Whether the actor may make analyses somewhere.
    pub fn can_create(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::RiskWrite)
    }

    /// The active units where the actor may make analyses, in tree order.
    pub async fn writable_units(&self, actor: &Actor) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        let mut units = self.app.org_units_in(actor, Permission::RiskWrite).await?;
        units.retain(|u| u.active);
        units.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(units)
    }

    /// A unit filter turned into its subtree's path (a unit the actor cannot see is a mistake
    /// at the filter, not an empty list).
    async fn under(&self, actor: &Actor, unit_id: Option<i64>, field: &str) -> Result<Option<String>, AppError> {
        match unit_id {
            Some(u) => Ok(Some(self.app.readable_unit_path(actor, u).await.map_err(|_| AppError::field(field, "err.choose"))?)),
            None => Ok(None),
        }
    }

    /// The register: visible risks that match, one page.
    pub async fn list(&self, actor: &Actor, unit_id: Option<i64>, f: &RiskFilter, p: &ListParams) -> Result<Page<RiskRow>, AppError> {
        let f = RiskFilter { under: self.under(actor, unit_id, "unit").await?, ..f.clone() };
        Ok(repo::list(self.db(), &self.scope(actor), &f, p).await?)
    }

    /// The register's page: a unit chosen as filter (its name and subtree), then one page of
    /// the risks that match and both heat maps of the open ones, in one batch.
    pub async fn register(&self, actor: &Actor, unit_id: Option<i64>, f: &RiskFilter, p: &ListParams) -> Result<Register, AppError> {
        let unit = match unit_id {
            Some(u) => Some(
                varn_store::repo::org::find(self.db(), &actor.scope(Permission::OrgRead), u)
                    .await?
                    .ok_or_else(|| AppError::field("unit", "err.choose"))?,
            ),
            None => None,
        };
        let f = RiskFilter { under: unit.as_ref().map(|u| u.path.clone()), ..f.clone() };
        let scope = self.scope(actor);
        let key = self.heat_key(&scope, &f);
        let kept = self.app.risk_heat.get(&key);
        let mut b = varn_store::batch::Reads::on(self.db());
        // The list of every open risk the maps count (no status, cell or search chosen) has
        // their total as its count.
        let same_rows = f.status.is_none() && f.open && f.cell.is_none() && p.like().is_none();
        let known = kept.as_ref().filter(|_| same_rows).map(|m| m.0.total);
        // In the default order the page lies among the highest (or lowest) residual scores,
        // which the kept map counts: the read is bounded to them (a nämnd's 1 440 open risks
        // were each sorted for 50). The map may lag behind another server's write: a bounded
        // page that comes back short is read again without the bound.
        let bound = kept.as_ref().filter(|_| same_rows).and_then(|m| page_bound(&m.1, p));
        let bounded = match bound {
            Some(Bound::AtLeast(s)) => RiskFilter { min_score: Some(f.min_score.map_or(s, |m| m.max(s))), ..f.clone() },
            Some(Bound::AtMost(s)) => RiskFilter { max_score: Some(s), ..f.clone() },
            None => f.clone(),
        };
        let page = repo::list_reads_counted(&mut b, &scope, &bounded, p, known);
        let cells = kept.is_none().then(|| b.add(repo::heat_maps_query(&scope, &f, b.backend())));
        let mut got = b.run(self.db()).await?;
        let mut page = page.take(&mut got)?;
        if bound.is_some() && (page.items.len() as u64) < p.per_page.unwrap_or(0) {
            let mut b = varn_store::batch::Reads::on(self.db());
            let again = repo::list_reads_counted(&mut b, &scope, &f, p, known);
            page = again.take(&mut b.run(self.db()).await?)?;
        }
        let maps = match kept {
            Some(m) => m,
            None => {
                let m = std::sync::Arc::new(HeatMap::pair(&self.rules().matrix, &got.take_if(cells)?));
                self.app.risk_heat.insert(key, m.clone());
                m
            }
        };
        let (inherent, residual) = (maps.0.clone(), maps.1.clone());
        Ok(Register { page, inherent, residual, unit_name: unit.map(|u| u.name) })
    }

    /// The heat map alone (the API's).
    pub async fn heat_map(&self, actor: &Actor, unit_id: Option<i64>, f: &RiskFilter, residual: bool) -> Result<HeatMap, AppError> {
        let f = RiskFilter { under: self.under(actor, unit_id, "unit_id").await?, ..f.clone() };
        let scope = self.scope(actor);
        let key = self.heat_key(&scope, &f);
        let maps = match self.app.risk_heat.get(&key) {
            Some(m) => m,
            None => {
                let cells = repo::heat_maps_query(&scope, &f, self.db().get_database_backend()).all(self.db()).await?;
                let m = std::sync::Arc::new(HeatMap::pair(&self.rules().matrix, &cells));
                self.app.risk_heat.insert(key, m.clone());
                m
            }
        };
        Ok(if residual { maps.1.clone() } else { maps.0.clone() })
    }

    /// Where both heat maps of `f` are kept for a reader of `scope`: they count the open risks
    /// whatever the status, cell and search chosen, and only until this server's next write.
    fn heat_key(&self, scope: &Scope, f: &RiskFilter) -> (String, u64) {
        (format!("{scope:?}|{:?}", RiskFilter { status: None, open: true, cell: None, ..f.clone() }), self.app.writes_committed())
    }

    /// The analyses, one page.
    pub async fn analyses(&self, actor: &Actor, unit_id: Option<i64>, p: &ListParams) -> Result<Page<AnalysisRow>, AppError> {
        let f = AnalysisFilter { under: self.under(actor, unit_id, "unit").await? };
        let (scope, f) = (&self.scope(actor), &f);
        // The count is kept until this server's next write (`App::kept_count`).
        self.app
            .kept_count("analyses", scope, f, p, |known| async move {
                let mut b = varn_store::batch::Reads::on(self.db());
                let page = repo::analyses_reads_counted(&mut b, scope, f, p, known);
                let mut got = b.run(self.db()).await?;
                page.take(&mut got)
            })
            .await
    }

    /// Whether the actor may change what sits in the unit at `path`.
    pub fn may_write(&self, actor: &Actor, path: &str) -> bool {
        varn_domain::OrgPath::parse(path).is_ok_and(|p| actor.scope(Permission::RiskWrite).covers(&p))
    }
}

/// A bound on the residual score of a page of the register in its default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The highest first: the page's risks score at least this.
    AtLeast(i64),
    /// The lowest first: at most this.
    AtMost(i64),
}

/// The residual scores the page `p` of the register lies within, from the map of the residual
/// risks it lists (`map`, counting exactly the register's rows): the page's last place
/// (offset + page size) counted from the top (or the bottom) of the scale. None where the
/// order is not by level, the page is not a page, or no score would be left out.
fn page_bound(map: &HeatMap, p: &ListParams) -> Option<Bound> {
    if !matches!(p.sort.as_deref(), None | Some("level")) {
        return None;
    }
    let wanted = (p.offset() + p.per_page?) as i64;
    let mut by_score = std::collections::BTreeMap::<i64, i64>::new();
    for c in map.cells.iter().filter(|c| c.n > 0) {
        *by_score.entry(c.likelihood * c.consequence).or_default() += c.n;
    }
    let lowest_first = p.dir == varn_store::repo::Dir::Desc;
    let scores: Box<dyn Iterator<Item = (&i64, &i64)>> =
        if lowest_first { Box::new(by_score.iter()) } else { Box::new(by_score.iter().rev()) };
    let mut seen = 0;
    for (score, n) in scores {
        seen += n;
        if seen >= wanted {
            return (seen < map.total).then_some(if lowest_first { Bound::AtMost(*score) } else { Bound::AtLeast(*score) });
        }
    }
    None
}

use sea_orm::ConnectionTrait;

#[cfg(test)]
mod tests {
    use super::*;
    use varn_store::repo::risks::HeatCell;
    use varn_store::repo::Dir;

    /// Open risks at the scores 16 (2), 12 (3), 6 (4) and 2 (5): 14 in all.
    fn map() -> HeatMap {
        let cell = |l, c, n| HeatCell { likelihood: l, consequence: c, n };
        let cells = vec![cell(4, 4, 2), cell(3, 4, 1), cell(4, 3, 2), cell(2, 3, 4), cell(1, 2, 5), cell(5, 5, 0)];
        HeatMap { residual: true, cells, total: 14 }
    }

    fn p(page: u64, per: u64, dir: Dir, sort: Option<&str>) -> ListParams {
        ListParams { page, per_page: Some(per), dir, sort: sort.map(str::to_owned), ..Default::default() }
    }

    #[test]
    fn a_page_is_bounded_to_the_scores_that_fill_it() {
        let m = map();
        // The highest first: 2 fill at 16, 3 need 12 (five reach it), 6 need 6, 9 reach 6.
        assert_eq!(page_bound(&m, &p(1, 2, Dir::Asc, None)), Some(Bound::AtLeast(16)));
        assert_eq!(page_bound(&m, &p(1, 3, Dir::Asc, None)), Some(Bound::AtLeast(12)));
        assert_eq!(page_bound(&m, &p(2, 3, Dir::Asc, Some("level"))), Some(Bound::AtLeast(6)));
        assert_eq!(page_bound(&m, &p(3, 3, Dir::Asc, None)), Some(Bound::AtLeast(6)));
        // Reaching the lowest score leaves nothing out: no bound.
        assert_eq!(page_bound(&m, &p(4, 3, Dir::Asc, None)), None);
        assert_eq!(page_bound(&m, &p(1, 50, Dir::Asc, None)), None);
        // The lowest first: 5 at 2, 6 need 6.
        assert_eq!(page_bound(&m, &p(1, 5, Dir::Desc, None)), Some(Bound::AtMost(2)));
        assert_eq!(page_bound(&m, &p(1, 6, Dir::Desc, None)), Some(Bound::AtMost(6)));
        // Another order, or every row at once: none.
        assert_eq!(page_bound(&m, &p(1, 2, Dir::Asc, Some("title"))), None);
        assert_eq!(page_bound(&m, &ListParams { per_page: None, ..Default::default() }), None);
    }
}
