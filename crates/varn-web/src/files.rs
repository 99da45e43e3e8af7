//! Files in and out, shared by the pages and the API: the `file` field of a multipart
//! upload, and a stored file as a download.

use axum::extract::Multipart;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use varn_app::attachments::Upload;
use varn_app::AppError;

/// The `file` field of a multipart form; an empty upload when there is none (the use case
/// then says "choose a file"), a field error when the body is over the size limit.
pub async fn read_upload(mp: &mut Multipart) -> Result<Upload, AppError> {
    let mut up = Upload { filename: String::new(), content_type: String::new(), data: vec![] };
    while let Ok(Some(field)) = mp.next_field().await {
        if field.name() == Some("file") {
            up.filename = field.file_name().unwrap_or("fil").to_owned();
            up.content_type = field.content_type().unwrap_or("application/octet-stream").to_owned();
            up.data = field.bytes().await.map_err(|_| AppError::field("file", "err.file.too_large"))?.to_vec();
        }
    }
    Ok(up)
}

/// A stored file as a download: never rendered in the browser, name encoded per RFC 6266.
pub fn download(filename: &str, sha256: &str, data: Vec<u8>) -> Response {
    let name: String = percent_encoding::utf8_percent_encode(filename, percent_encoding::NON_ALPHANUMERIC).to_string();
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename*=UTF-8''{name}")),
            (header::HeaderName::from_static("x-content-sha256"), sha256.to_owned()),
        ],
        data,
    )
        .into_response()
}
