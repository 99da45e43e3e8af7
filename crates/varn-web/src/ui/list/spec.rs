//! A list declared once. A module says what its list is ([`ListSpec`]: its columns for the
//! export, its sort keys, its typed filter, how to fetch a page) and [`run`] does the rest:
//! paging, a mistake in a filter or sort as a 422 at the field, and the export, CSV streamed
//! a chunk at a time so that 50 000 rows never sit in memory, XLSX one at a time.

use super::{ListQuery, ListView, EXPORT_CHUNK};
use crate::ctx::Ctx;
use crate::i18n::Tr;
use crate::respond::WebError;
use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use varn_app::export::{csv_head, csv_lines, Table};
use varn_app::modules::Boxed;
use varn_app::{check_sort, Actor, App, AppError, ListParams, Page};

/// A column of an export: its header (a catalogue key) and its cell as text.
pub struct Column<R> {
    /// Catalogue key of the header.
    pub header: &'static str,
    /// The cell.
    pub cell: fn(Tr, &R) -> String,
}

/// What a list is.
pub trait ListSpec: 'static {
    /// A row as the store gives it.
    type Row: Send + 'static;
    /// The list's own filters, typed.
    type Filter: Clone + Send + Sync + 'static;
    /// Where the list lives (its links keep search, filters and sort).
    const BASE: &'static str;
    /// The exported file's name, without extension.
    const EXPORT_NAME: &'static str;
    /// The exported columns.
    const COLUMNS: &'static [Column<Self::Row>];
    /// The sort keys the store knows for this list; any other `sort` is a mistake.
    const SORTS: &'static [&'static str];
    /// The filters from the query string; an unknown value is a mistake at its field.
    fn filter(q: &ListQuery) -> Result<Self::Filter, AppError>;
    /// One page of rows (all of them when `p.per_page` is `None`).
    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a Self::Filter, p: ListParams) -> Boxed<'a, Result<Page<Self::Row>, AppError>>;
}

/// A page of a list, for the module to render (whole page, or the rows for htmx).
pub struct Listed<S: ListSpec> {
    /// The controls: search, sort, pages.
    pub view: ListView,
    /// This page's rows.
    pub rows: Vec<S::Row>,
    /// The filters in force.
    pub filter: S::Filter,
}

/// Runs a list: the page of rows to render, or (for `?format=`) the export as a response.
pub async fn run<S: ListSpec>(ctx: &Ctx, q: &ListQuery) -> Result<Result<Listed<S>, Response>, WebError> {
    let actor = ctx.actor()?;
    check_sort(q.sort.as_deref(), S::SORTS)?;
    varn_app::check_page(q.params().page)?;
    let filter = S::filter(q)?;
    let app = &ctx.state.app;
    match q.export() {
        Some(super::Export::Csv) => Ok(Err(csv::<S>(ctx.tr, app.clone(), actor.clone(), filter, q.params()))),
        Some(super::Export::Xlsx) => {
            // A workbook is built whole in memory: one at a time.
            let _slot = ctx.state.exports.acquire().await.ok();
            let rows = all_rows::<S>(ctx.tr, app, actor, &filter, q.params()).await?;
            let table = Table { headers: headers::<S>(ctx.tr), rows };
            Ok(Err(super::download(&table, super::Export::Xlsx, S::EXPORT_NAME)))
        }
        None => {
            let page = S::fetch(app, actor, &filter, q.params()).await?;
            let view = ListView::new(S::BASE, q, page.total).exact(page.exact);
            Ok(Ok(Listed { view, rows: page.items, filter }))
        }
    }
}

fn headers<S: ListSpec>(tr: Tr) -> Vec<String> {
    S::COLUMNS.iter().map(|c| tr.t(c.header).to_owned()).collect()
}

fn cells<S: ListSpec>(tr: Tr, rows: &[S::Row]) -> Vec<Vec<String>> {
    rows.iter().map(|r| S::COLUMNS.iter().map(|c| (c.cell)(tr, r)).collect()).collect()
}

/// Every matching row as cells, fetched a chunk at a time.
async fn all_rows<S: ListSpec>(tr: Tr, app: &App, actor: &Actor, f: &S::Filter, mut p: ListParams) -> Result<Vec<Vec<String>>, AppError> {
    p.per_page = Some(EXPORT_CHUNK);
    p.page = 1;
    let mut out = Vec::new();
    loop {
        let page = S::fetch(app, actor, f, p.clone()).await?;
        out.extend(cells::<S>(tr, &page.items));
        if (page.items.len() as u64) < EXPORT_CHUNK {
            return Ok(out);
        }
        p.page += 1;
        // SQLite's reads run on this task (vendor/sqlx-sqlite/VARN-PATCH.md) and are done when
        // first polled: let the runtime serve other requests between chunks.
        tokio::task::yield_now().await;
    }
}

/// Where a streamed export has come.
struct Cursor<S: ListSpec> {
    tr: Tr,
    app: App,
    actor: Actor,
    filter: S::Filter,
    params: ListParams,
    /// Sent the header; fetched the last chunk.
    started: bool,
    done: bool,
}

/// The next piece of a streamed CSV: the header, then one chunk of rows at a time.
async fn next_chunk<S: ListSpec>(mut c: Cursor<S>) -> Option<(Result<Vec<u8>, std::io::Error>, Cursor<S>)> {
    if c.done {
        return None;
    }
    let io = |e: AppError| std::io::Error::other(e.to_string());
    if !c.started {
        c.started = true;
        return Some((csv_head(&headers::<S>(c.tr)).map_err(io), c));
    }
    // SQLite's reads run on this task and are done when first polled (VARN-PATCH.md under
    // vendor/sqlx-sqlite): without a turn here every chunk would be ready at once, so hyper
    // would fill its buffer with chunk after chunk before sending the first bytes, and the
    // export would hold its runtime thread from the first chunk to the last (16 exports of
    // 25 000 assets: 2.6 s to the first bytes at the median). The turn lets hyper send what it
    // has and the runtime serve other requests between chunks.
    tokio::task::yield_now().await;
    let page = match S::fetch(&c.app, &c.actor, &c.filter, c.params.clone()).await {
        Ok(p) => p,
        Err(e) => {
            // The header has gone out: the download ends short, and the log says why.
            tracing::error!(error = %e, "export failed part-way");
            c.done = true;
            return Some((Err(io(e)), c));
        }
    };
    c.done = (page.items.len() as u64) < EXPORT_CHUNK;
    c.params.page += 1;
    Some((csv_lines(&cells::<S>(c.tr, &page.items)).map_err(io), c))
}

/// The CSV export as a stream.
fn csv<S: ListSpec>(tr: Tr, app: App, actor: Actor, filter: S::Filter, mut params: ListParams) -> Response {
    params.per_page = Some(EXPORT_CHUNK);
    params.page = 1;
    let start = Cursor::<S> { tr, app, actor, filter, params, started: false, done: false };
    let body = Body::from_stream(futures_util::stream::unfold(start, next_chunk::<S>));
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}.csv\"", S::EXPORT_NAME)),
        ],
        body,
    )
        .into_response()
}
