//! API: governing documents (styrdokument). One router that also carries its OpenAPI paths.

mod register;
mod remiss;
mod work;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The module's routes, each with its OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    use register::*;
    use remiss::*;
    use work::*;
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update))
        .routes(routes!(transition))
        .routes(routes!(versions))
        .routes(routes!(version))
        .routes(routes!(diff))
        .routes(routes!(actions, add_action))
        .routes(routes!(comments, add_comment))
        .routes(routes!(request_ack))
        .routes(routes!(ack_report))
        .routes(routes!(acknowledge))
        .routes(routes!(pending))
        .routes(routes!(follow_up))
        .routes(routes!(pdf))
        .routes(routes!(upload_file))
        .routes(routes!(download_file))
        .routes(routes!(get_rules, put_rules))
        .routes(routes!(remiss_status, send_remiss))
        .routes(routes!(answer_remiss))
        .routes(routes!(upload_protocol))
        .routes(routes!(download_protocol))
        .routes(routes!(mark_reviewed))
}
