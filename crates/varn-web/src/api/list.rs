//! The JSON shapes every list of the API shares: a page of rows and the list's parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A page of results.
#[derive(Serialize, ToSchema)]
pub struct PageOf<T> {
    /// Rows.
    pub items: Vec<T>,
    /// Matching rows in all, or where counting stopped (`exact` false).
    pub total: u64,
    /// False when counting stopped at a cap: `total` is then a lower bound (the incidents and a
    /// search of the whole city's people or information assets are counted up to 1 000, the
    /// audit log up to 10 000).
    pub exact: bool,
    /// Page, from 1.
    pub page: u64,
    /// Rows per page.
    pub per_page: u64,
}

impl<T> PageOf<T> {
    /// A page of the store's, each row made into `T` (`From::from` where the row is `T`).
    pub fn of<R>(p: varn_store::repo::Page<R>, row: impl FnMut(R) -> T) -> Self {
        PageOf { total: p.total, exact: p.exact, page: p.page, per_page: p.per_page, items: p.items.into_iter().map(row).collect() }
    }
}

/// List parameters shared by every list.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct ListArgs {
    /// Free-text search.
    pub q: Option<String>,
    /// Sort key.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// Page from 1.
    pub page: Option<u64>,
    /// Rows per page (1–500, default 50).
    pub limit: Option<u64>,
}

impl ListArgs {
    /// As the store's parameters, the sort key one of the list's `sorts` (else a 422 at `sort`).
    pub fn params_for(&self, sorts: &[&str]) -> Result<varn_app::ListParams, varn_app::AppError> {
        varn_app::check_sort(self.sort.as_deref(), sorts)?;
        varn_app::check_page(self.page.unwrap_or(1))?;
        Ok(self.params())
    }

    /// As the store's parameters.
    pub fn params(&self) -> varn_app::ListParams {
        varn_app::ListParams {
            q: self.q.clone(),
            sort: self.sort.clone(),
            dir: if self.dir.as_deref() == Some("desc") { varn_app::Dir::Desc } else { varn_app::Dir::Asc },
            page: self.page.unwrap_or(1).max(1),
            per_page: Some(self.limit.unwrap_or(50).clamp(1, 500)),
        }
    }
}
