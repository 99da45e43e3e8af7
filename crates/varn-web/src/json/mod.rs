//! The API's JSON answers, written by a serializer of our own that writes what `serde_json`
//! writes, byte for byte, faster.
//!
//! Counted with `CALLGRIND=… scripts/cpu-per-request` at storstad (session 66), `serde_json`
//! spent an eighth of the incidents API's instructions testing each byte of each text for a
//! character to escape, one at a time (about eight instructions a byte), and testing each
//! field's name the same way. This one tests eight bytes at once and reads byte by byte only
//! a word that holds a quote, a backslash or a control character; everything else (numbers
//! by `itoa` and `ryu`, as `serde_json` writes them; maps, sequences, enums as `serde_json`
//! tags them) is the same. `tests` compares the two on every kind of value serde has and on
//! texts with every character to escape at every offset.
//!
//! [`Json`] takes a request's body as `axum::Json` does and answers with this writer.

mod escape;
mod keys;
mod ser;
#[cfg(test)]
mod tests;

use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use ser::{to_vec, Error};

/// A JSON body: read from a request as `axum::Json` reads it (the same rejections), written
/// to a response by [`to_vec`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = <axum::Json<T> as FromRequest<S>>::Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Json(value))
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match to_vec(&self.0) {
            Ok(body) => ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response(),
            // As `axum::Json` answers a value that cannot be written (a map keyed by
            // something other than a text or a number): never one of ours.
            Err(e) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"))],
                e.to_string(),
            )
                .into_response(),
        }
    }
}
