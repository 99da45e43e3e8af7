//! What the module puts in Mina uppgifter: the open risks one owns whose review is within a
//! month or past. (Treatment actions are tasks, listed with the other tasks.)

use super::Risks;
use crate::modules::{Note, WorkItem, WorkSection, WorkTake};
use crate::Actor;
use varn_store::batch::Reads;
use varn_store::repo::risks as repo;

/// How early a review shows in Mina uppgifter.
pub const REVIEW_NOTICE_DAYS: i64 = 30;

impl<'a> Risks<'a> {
    /// The actor's section of Mina uppgifter, its list added to the page's batch.
    pub fn work_reads(self, actor: &Actor, b: &mut Reads) -> WorkTake {
        if !self.can_use(actor) {
            // An employee owns no risks to review: no read.
            return Box::new(|_, _| Ok(vec![]));
        }
        let today = varn_domain::task::today();
        let by = today + chrono::Duration::days(REVIEW_NOTICE_DAYS);
        let reviews = b.add(repo::reviews_of_query(actor.id.0, by, 100));
        Box::new(move |_, got| {
            let items = got
                .take(reviews)?
                .into_iter()
                .map(|r| {
                    let note = match r.review_on {
                        Some(d) if d < today => Note::key("risk.work.review_late").on(Some(d)),
                        d => Note::key("risk.work.review_due").on(d),
                    };
                    WorkItem { title: r.title, link: format!("/risks/{}", r.id), notes: vec![note], detail: None, date: None }
                })
                .collect();
            Ok(vec![WorkSection { id: "risk-review-h", heading: "risk.work.my_reviews", items }])
        })
    }
}
