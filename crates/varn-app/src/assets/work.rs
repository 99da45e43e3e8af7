//! What the module puts in Mina uppgifter: the owner's assets to classify or to review
//! (within a month of the review date, or past it), and the requirements of a handlingsplan
//! someone has been made responsible for that are partly or not met.

use super::Assets;
use crate::modules::{Note, WorkItem, WorkSection, WorkTake};
use crate::Actor;
use varn_domain::asset::Assessment;
use varn_store::batch::Reads;
use varn_store::repo::assets as repo;

/// How early a review shows in Mina uppgifter.
pub const REVIEW_NOTICE_DAYS: i64 = 30;

impl<'a> Assets<'a> {
    /// The actor's sections of Mina uppgifter: its two lists added to the page's batch.
    pub fn work_reads(self, actor: &Actor, b: &mut Reads) -> WorkTake {
        let today = varn_domain::task::today();
        let by = today + chrono::Duration::days(REVIEW_NOTICE_DAYS);
        let reviews = b.add(repo::reviews_of_query(actor.id.0, by, 100));
        let measures = b.add(repo::open_measures_of_query(actor.id.0, 100));
        Box::new(move |app, got| {
            let (reviews, measures) = (got.take(reviews)?, got.take(measures)?);
            let reviews = reviews.into_iter().map(|a| {
                let note = match a.next_review {
                    None => Note::key("asset.work.classify"),
                    Some(d) if d < today => Note::key("asset.work.review_late").on(Some(d)),
                    Some(d) => Note::key("asset.work.review_due").on(Some(d)),
                };
                WorkItem { title: a.name, link: format!("/assets/{}", a.id), notes: vec![note], detail: None, date: None }
            });
            let catalogue = &app.assets().classification().catalogue;
            let measures = measures.into_iter().map(|m| {
                let key = if m.assessment == Some(Assessment::Delvis) { "asset.work.measure_partly" } else { "asset.work.measure_missing" };
                let text = catalogue.get(&m.requirement).map(|r| format!("{} {}", r.code, r.text.sv)).unwrap_or(m.requirement);
                WorkItem {
                    title: m.asset_name,
                    link: format!("/assets/{}#plan", m.asset_id),
                    notes: vec![Note::key(key)],
                    detail: Some(text),
                    date: m.due_date,
                }
            });
            Ok(vec![
                WorkSection { id: "asset-review-h", heading: "asset.work.my_reviews", items: reviews.collect() },
                WorkSection { id: "asset-plan-h", heading: "asset.work.my_measures", items: measures.collect() },
            ])
        })
    }
}
