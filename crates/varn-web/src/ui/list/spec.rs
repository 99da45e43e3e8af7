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
        Some(super::Export::Csv) => Ok(Err(csv::<S>(ctx, actor.clone(), filter, q.params()))),
        Some(super::Export::Xlsx) => {
            // A workbook is built whole in memory: one at a time.
            let _slot = ctx.state.exports.acquire().await.ok();
            let rows = all_rows::<S>(ctx, actor, &filter, q.params()).await?;
            let table = Table { headers: headers::<S>(ctx.tr), rows };
            // The workbook's XML and its compression, for up to tens of thousands of rows.
            let file =
                off_runtime(&ctx.state.export_chunks, async move { Ok(super::download(&table, super::Export::Xlsx, S::EXPORT_NAME)) });
            Ok(Err(file.await?))
        }
        None => {
            let page = S::fetch(app, actor, &filter, q.params()).await?;
            let view = ListView::for_page(S::BASE, q, &page);
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

/// Every matching row as cells, fetched a chunk at a time (each chunk off the runtime's
/// threads: [`off_runtime`]).
async fn all_rows<S: ListSpec>(ctx: &Ctx, actor: &Actor, f: &S::Filter, mut p: ListParams) -> Result<Vec<Vec<String>>, AppError> {
    p.per_page = Some(EXPORT_CHUNK);
    p.page = 1;
    let mut out = Vec::new();
    loop {
        let (app, actor, f, params, tr) = (ctx.state.app.clone(), actor.clone(), f.clone(), p.clone(), ctx.tr);
        let cells = off_runtime(&ctx.state.export_chunks, async move {
            let page = S::fetch(&app, &actor, &f, params).await?;
            Ok(cells::<S>(tr, &page.items))
        })
        .await?;
        let full = cells.len() as u64 == EXPORT_CHUNK;
        out.extend(cells);
        if !full {
            return Ok(out);
        }
        p.page += 1;
    }
}

/// Runs `work` (an export's chunk: a read of thousands of rows and their text) on a blocking
/// thread, at most as many at once as `permits` allows, and waits for it without holding the
/// runtime.
///
/// SQLite's reads run on the task that polls them (vendor/sqlx-sqlite/VARN-PATCH.md), so a
/// chunk of 2 000 assets read on a request's task held one of the runtime's threads for about
/// 25 ms: with sixteen exports at once (storstad, session 48) every other request on the
/// server, a new export's first bytes included, waited behind them (p99 0.5 s to the first
/// bytes). On a blocking thread the chunk is shared out by the operating system's scheduler
/// instead, and the runtime's threads stay free for pages. The permits keep the exports from
/// taking every reader connection of the pool.
pub(crate) async fn off_runtime<T: Send + 'static>(
    permits: &std::sync::Arc<tokio::sync::Semaphore>,
    work: impl std::future::Future<Output = Result<T, AppError>> + Send + 'static,
) -> Result<T, AppError> {
    let permit = permits.clone().acquire_owned().await.map_err(|e| AppError::Internal(e.to_string()))?;
    let rt = tokio::runtime::Handle::current();
    // The permit goes with the work: a download broken off part-way still counts its chunk
    // until the chunk ends.
    let job = tokio::task::spawn_blocking(move || {
        let out = rt.block_on(work);
        drop(permit);
        out
    });
    job.await.map_err(|e| AppError::Internal(e.to_string()))?
}

/// Where a streamed export has come.
struct Cursor<S: ListSpec> {
    tr: Tr,
    app: App,
    permits: std::sync::Arc<tokio::sync::Semaphore>,
    actor: Actor,
    filter: S::Filter,
    params: ListParams,
    /// Sent the header; fetched the last chunk.
    started: bool,
    done: bool,
}

/// The next piece of a streamed CSV: the header, then one chunk of rows at a time, each read
/// and written as text off the runtime's threads ([`off_runtime`]): the header goes out at
/// once, and hyper sends each chunk as it comes.
async fn next_chunk<S: ListSpec>(mut c: Cursor<S>) -> Option<(Result<Vec<u8>, std::io::Error>, Cursor<S>)> {
    if c.done {
        return None;
    }
    let io = |e: AppError| std::io::Error::other(e.to_string());
    if !c.started {
        c.started = true;
        return Some((csv_head(&headers::<S>(c.tr)).map_err(io), c));
    }
    let (app, actor, filter, params, tr) = (c.app.clone(), c.actor.clone(), c.filter.clone(), c.params.clone(), c.tr);
    let chunk = off_runtime(&c.permits, async move {
        let page = S::fetch(&app, &actor, &filter, params).await?;
        Ok((csv_lines(&cells::<S>(tr, &page.items))?, page.items.len() as u64))
    })
    .await;
    let (text, rows) = match chunk {
        Ok(x) => x,
        Err(e) => {
            // The header has gone out: the download ends short, and the log says why.
            tracing::error!(error = %e, "export failed part-way");
            c.done = true;
            return Some((Err(io(e)), c));
        }
    };
    c.done = rows < EXPORT_CHUNK;
    c.params.page += 1;
    Some((Ok(text), c))
}

/// The CSV export as a stream.
fn csv<S: ListSpec>(ctx: &Ctx, actor: Actor, filter: S::Filter, mut params: ListParams) -> Response {
    params.per_page = Some(EXPORT_CHUNK);
    params.page = 1;
    let (tr, app, permits) = (ctx.tr, ctx.state.app.clone(), ctx.state.export_chunks.clone());
    let start = Cursor::<S> { tr, app, permits, actor, filter, params, started: false, done: false };
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

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::off_runtime;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    /// The work runs off the runtime's thread: on a runtime of one thread, a chunk that waits
    /// for that thread to send it a word gets it (it would wait in vain if it ran there).
    #[tokio::test(flavor = "current_thread")]
    async fn a_chunk_runs_off_the_runtime_while_the_runtime_serves_others() {
        let permits = Arc::new(tokio::sync::Semaphore::new(1));
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let here = std::thread::current().id();
        let chunk = tokio::spawn({
            let permits = permits.clone();
            async move {
                off_runtime(&permits, async move { Ok((rx.recv_timeout(Duration::from_secs(10)).is_ok(), std::thread::current().id())) })
                    .await
            }
        });
        // Another task on the runtime's one thread, while the chunk waits.
        tokio::spawn(async move { tx.send(()).expect("the chunk listens") }).await.expect("sent");
        let (heard, there) = chunk.await.expect("the chunk ends").expect("the chunk's result");
        assert!(heard, "the chunk held the runtime's thread");
        assert_ne!(here, there);
    }

    /// No more chunks run at once than there are permits, and the permits are given back.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn chunks_run_at_most_as_many_at_once_as_there_are_permits() {
        let permits = Arc::new(tokio::sync::Semaphore::new(2));
        let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let jobs: Vec<_> = (0..8)
            .map(|i| {
                let (permits, now, most) = (permits.clone(), now.clone(), most.clone());
                tokio::spawn(async move {
                    off_runtime(&permits, async move {
                        let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(n, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(20));
                        now.fetch_sub(1, Ordering::SeqCst);
                        Ok(i)
                    })
                    .await
                })
            })
            .collect();
        let mut done = Vec::new();
        for j in jobs {
            done.push(j.await.expect("the job ends").expect("its result"));
        }
        assert_eq!(done, (0..8).collect::<Vec<_>>());
        assert!((1..=2).contains(&most.load(Ordering::SeqCst)), "{} at once", most.load(Ordering::SeqCst));
        assert_eq!(permits.available_permits(), 2);
    }

    /// A chunk's failure is the caller's error.
    #[tokio::test]
    async fn a_chunks_failure_comes_back() {
        let permits = Arc::new(tokio::sync::Semaphore::new(1));
        let r: Result<(), _> = off_runtime(&permits, async { Err(varn_app::AppError::NotFound) }).await;
        assert!(matches!(r, Err(varn_app::AppError::NotFound)));
        assert_eq!(permits.available_permits(), 1);
    }
}
