//! What the OpenAPI document promises beyond what each handler declares: the errors the
//! shared layers answer with, and the formats (dates, times) and code lists (enums) of the
//! fields the DTOs carry as plain strings. `tests/it/contract.rs` holds the server to it.

use varn_domain::document::{DecidingBody, DocType, Priority, Status, VersionState};
use varn_domain::task::TaskStatus;
use varn_domain::{Code, OrgKind, Role};

/// Adds to every operation the errors the server's shared layers can answer with, in the
/// API's error format, where the operation does not describe them itself: 400 (a path or
/// query value that cannot be read), 401 (no or a bad token), 403 (no permission, or a
/// session request without its CSRF token), 404 (not there or outside the caller's scope);
/// with query parameters 422; with a body also 413, 415 and 422; changes also 409. The contract test
/// (`tests/it/contract.rs`) checks that every status the server gives is listed.
pub fn document_common_errors(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{content::Content, response::ResponseBuilder, Ref, RefOr};
    let error = |what: &str| {
        let content = Content::new(Some(Ref::from_schema_name("ErrorBody")));
        RefOr::T(ResponseBuilder::new().description(what).content("application/json", content).build())
    };
    for item in doc.paths.paths.values_mut() {
        let ops =
            [(&mut item.get, false), (&mut item.post, true), (&mut item.put, true), (&mut item.patch, true), (&mut item.delete, true)];
        for (op, writes) in ops {
            let Some(op) = op.as_mut() else { continue };
            let mut add = vec![
                ("400", "A path or query value could not be read"),
                ("401", "No token, or one that is invalid, expired or revoked"),
                ("403", "Not permitted here (or a session request without its CSRF token)"),
                ("404", "Not found, or outside the caller's part of the organisation"),
            ];
            let query = op.parameters.iter().flatten().any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query));
            if query {
                add.push(("422", "A query value is not one this list takes (named in the error)"));
            }
            if op.request_body.is_some() {
                add.extend([
                    ("413", "The body is too large"),
                    ("415", "Not JSON"),
                    ("422", "The body could not be read or fails validation"),
                ]);
            }
            if writes {
                add.extend([("409", "In conflict with the current state"), ("422", "Fails validation")]);
            }
            for (status, what) in add {
                op.responses.responses.entry(status.to_owned()).or_insert_with(|| error(what));
            }
        }
    }
}

/// The codes of a code list.
fn codes<C: Code>() -> Vec<serde_json::Value> {
    C::ALL.iter().map(|c| serde_json::Value::from(c.as_str())).collect()
}

/// Declares formats and code lists by field name: `*_date`, `valid_from`, `valid_until`,
/// `next_review` are dates; `at` and `*_at` are date-times; `kind` of a unit, `role`,
/// `doc_type`, `deciding_body`, `priority`, a document's `status` and a move's `to`, a
/// version's `state`, a task's `status` are the domain's codes.
pub fn declare_formats(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::schema::{KnownFormat, Schema, SchemaFormat};
    use utoipa::openapi::RefOr;
    let Some(components) = doc.components.as_mut() else { return };
    for (name, schema) in components.schemas.iter_mut() {
        let RefOr::T(Schema::Object(obj)) = schema else { continue };
        for (prop, field) in obj.properties.iter_mut() {
            let RefOr::T(Schema::Object(f)) = field else { continue };
            let p = prop.as_str();
            if p.ends_with("_date") || matches!(p, "valid_from" | "valid_until" | "next_review") {
                f.format = Some(SchemaFormat::KnownFormat(KnownFormat::Date));
            } else if p == "at" || p.ends_with("_at") {
                f.format = Some(SchemaFormat::KnownFormat(KnownFormat::DateTime));
            }
            let list = match (name.as_str(), p) {
                ("NewUnit" | "UnitDto", "kind") => Some(codes::<OrgKind>()),
                (_, "role") => Some(codes::<Role>()),
                (_, "doc_type") => Some(codes::<DocType>()),
                (_, "deciding_body") => Some(codes::<DecidingBody>()),
                (_, "priority") => Some(codes::<Priority>()),
                ("DocRow" | "Document", "status") | ("Transition", "to") => Some(codes::<Status>()),
                ("Version", "state") => Some(codes::<VersionState>()),
                ("TaskDto", "status") | (_, "task_status") => Some(codes::<TaskStatus>()),
                _ => None,
            };
            if let Some(mut values) = list {
                if matches!(f.schema_type, utoipa::openapi::schema::SchemaType::Array(_)) {
                    // A nullable code: null is one of its values too.
                    values.push(serde_json::Value::Null);
                }
                f.enum_values = Some(values);
            }
        }
    }
}
