//! Serving over HTTP/1.1 with limits a slow or greedy client cannot get around: headers must
//! arrive within [`Limits::header_read`] (a half-sent request is dropped), a body within
//! [`Limits::body_read`], and a body may be large only where files are uploaded
//! (`multipart/form-data`); forms and JSON get [`Limits::small_body`].

use axum::extract::{ConnectInfo, Request};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::net::SocketAddr;
use std::time::Duration;
use tower::ServiceExt;

/// How long and how much a client may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time to send the request line and headers.
    pub header_read: Duration,
    /// Time to send the body.
    pub body_read: Duration,
    /// Largest body of a form or JSON request, in bytes.
    pub small_body: usize,
    /// Time that requests in flight get to finish at shutdown.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(10),
            body_read: Duration::from_secs(60),
            small_body: 1024 * 1024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Bodies that are not file uploads are cut at `small_body`: a longer body fails when read
/// (413). A declared length above it is refused at once on the API (whose error layer
/// answers in JSON); a page's form gets a body that fails at its first bytes, so that the
/// layers that read it (the CSRF check, the form's extractor) answer with the error page in
/// the user's language rather than a bare status, without reading what was sent.
pub async fn body_limit(axum::extract::State(limit): axum::extract::State<usize>, req: Request, next: Next) -> Response {
    let upload =
        req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("multipart/form-data"));
    if upload {
        return next.run(req).await;
    }
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    let limit = match declared.is_some_and(|n| n > limit as u64) {
        true if req.uri().path().starts_with("/api/") => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        true => 0,
        false => limit,
    };
    next.run(req.map(|b| axum::body::Body::new(http_body_util::Limited::new(b, limit)))).await
}

/// Accepts connections until `shutdown` completes, then lets open requests finish for up to
/// [`Limits::shutdown_grace`] and returns even if a client stalls. Each request carries the
/// peer's address as [`ConnectInfo`].
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, keep serving.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(req.map(axum::body::Body::new))
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder.timer(TokioTimer::new()).header_read_timeout(limits.header_read).keep_alive(true);
        let conn = builder.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, %peer, "connection ended with an error");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown()).await.is_err() {
        tracing::warn!(
            grace_secs = limits.shutdown_grace.as_secs(),
            "open connections did not finish within the grace period; closing them"
        );
    }
    Ok(())
}

/// The peer's address, when the request came through [`serve`].
pub fn peer(req: &axum::http::request::Parts) -> Option<SocketAddr> {
    req.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0)
}

/// Where a request comes from, as sign-in throttles count it: the address the trusted proxy
/// put last in [`crate::WebConfig::client_ip_header`], else the peer's address (IPv6 by its
/// /64), else `unknown`.
#[derive(Debug, Clone)]
pub struct ClientSource(pub String);

impl axum::extract::FromRequestParts<crate::AppState> for ClientSource {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, st: &crate::AppState) -> Result<Self, Self::Rejection> {
        let forwarded = st.web.client_ip_header.as_deref().and_then(|h| {
            let v = parts.headers.get_all(h).iter().filter_map(|v| v.to_str().ok()).next_back()?;
            v.rsplit(',').next()?.trim().parse::<std::net::IpAddr>().ok()
        });
        let ip = forwarded.or_else(|| peer(parts).map(|p| p.ip()));
        Ok(ClientSource(ip.map(varn_app::throttle::source_of).unwrap_or_else(|| "unknown".into())))
    }
}
