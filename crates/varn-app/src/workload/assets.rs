//! Information assets at storstad size: assets over the city's units (most classified, a
//! share overdue for review, handlingsplaner partly assessed), and the carrier register
//! with IT systems that depend on each other.

use super::{insert_batches, reference_time, City, Scale};
use crate::AppError;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{Set, TransactionTrait};
use varn_domain::asset::{Assessment, CarrierKind, Hosting, Levels};
use varn_store::entity::{asset, asset_carrier, asset_level, asset_measure, carrier, carrier_dep, classification};
use varn_store::Store;

/// What information a unit holds: a stem with the unit's name after it.
const ASSETS: [&str; 20] = [
    "Elevdokumentation",
    "Socialtjänstens akter",
    "Ekonomiskt bistånd",
    "Bygglovsärenden",
    "Lönehantering",
    "Personalakter",
    "Fakturor och utbetalningar",
    "Avtal och upphandlingar",
    "Diarium",
    "Journaler i omsorgen",
    "Kartdata",
    "Tillsynsärenden",
    "Synpunkter och klagomål",
    "Schemaläggning",
    "Besöksloggar",
    "Inspelade möten",
    "Fotografier och film",
    "Kundregister",
    "Driftdata",
    "Protokoll och beslut",
];

const CARRIERS: [&str; 12] = [
    "Verksamhetssystem",
    "Ärendesystem",
    "E-tjänst",
    "Molnlagring",
    "Filserver",
    "Databas",
    "Portal",
    "Integrationsplattform",
    "Skrivarsystem",
    "Mobilapp",
    "Analysverktyg",
    "Kommunikationstjänst",
];

/// The counts of the part, from the scale (25,000 assets and 5,000 carriers at storstad).
pub(super) fn counts(s: &Scale) -> (usize, usize) {
    (s.documents * 25 / 3, s.documents * 5 / 3)
}

fn kind_of(i: usize, n: usize) -> CarrierKind {
    // 60 % IT systems, then services, paper, removable media and roles.
    match i * 100 / n.max(1) {
        0..=59 => CarrierKind::ItSystem,
        60..=75 => CarrierKind::ItTjanst,
        76..=87 => CarrierKind::Papper,
        88..=93 => CarrierKind::FlyttbartMedium,
        _ => CarrierKind::Person,
    }
}

pub(super) async fn generate(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
    let (n_assets, n_carriers) = counts(s);
    let now = reference_time();
    let txn = store.write().begin().await?;
    // Carriers, each IT system depending on up to three earlier carriers (no cycles).
    let mut carriers = Vec::with_capacity(n_carriers);
    let mut deps = Vec::new();
    for i in 0..n_carriers {
        let id = i as i64 + 1;
        let kind = kind_of(i, n_carriers);
        let unit = &city.units[city.enheter[rng.gen_range(0..city.enheter.len())]];
        let it = kind.is_it();
        let hosting = it.then(|| [Hosting::EgenDrift, Hosting::Leverantor, Hosting::Moln][rng.gen_range(0..3)]);
        let third = hosting == Some(Hosting::Moln) && rng.gen_bool(0.2);
        let name = format!("{} {id}", CARRIERS[i % CARRIERS.len()]);
        carriers.push(carrier::ActiveModel {
            id: Set(id),
            unit_id: Set(unit.id),
            kind: Set(kind),
            search_text: Set(name.to_lowercase()),
            name: Set(name),
            description: Set(None),
            system_owner_user_id: Set(it.then(|| city.heads[rng.gen_range(0..city.heads.len())].1)),
            system_admin_user_id: Set(None),
            supplier: Set(it.then(|| format!("Leverantör {} AB", i % 300))),
            hosting: Set(hosting),
            country: Set(it.then(|| if third { "USA" } else { "Sverige" }.to_owned())),
            third_country: Set(third),
            transfer_basis: Set(third.then(|| "Standardavtalsklausuler".to_owned())),
            created_at: Set(now),
            updated_at: Set(now),
        });
        if it && i > 10 {
            let mut on: Vec<i64> = (0..rng.gen_range(1..=3)).map(|_| rng.gen_range(1..id)).collect();
            on.sort_unstable();
            on.dedup();
            deps.extend(on.into_iter().map(|d| carrier_dep::ActiveModel { carrier_id: Set(id), depends_on_id: Set(d) }));
        }
    }
    insert_batches(&txn, carriers).await?;
    insert_batches(&txn, deps).await?;
    assets(&txn, s, city, rng, n_assets, n_carriers).await?;
    txn.commit().await?;
    Ok(())
}

/// The owner of the `k`th asset: an informationsägare (their ids follow the heads').
fn owner(city: &City, s: &Scale, rng: &mut StdRng) -> Option<i64> {
    let first = city.heads.last().map(|h| h.1 + 1)?;
    (s.agare > 0).then(|| first + rng.gen_range(0..s.agare as i64))
}

async fn assets<C: sea_orm::ConnectionTrait>(
    db: &C,
    s: &Scale,
    city: &City,
    rng: &mut StdRng,
    n: usize,
    n_carriers: usize,
) -> Result<(), AppError> {
    let now = reference_time();
    let today = now.date_naive();
    let (mut rows, mut levels, mut classes, mut links, mut measures) =
        (Vec::with_capacity(n), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let id = i as i64 + 1;
        let unit = &city.units[city.enheter[rng.gen_range(0..city.enheter.len())]];
        let name = format!("{} – {}", ASSETS[i % ASSETS.len()], unit.name);
        let pd = rng.gen_bool(0.7);
        let classified = i % 5 != 4;
        let mut lv = Levels::new();
        for a in ["k", "r", "t"].into_iter().chain(pd.then_some("s")) {
            lv.insert(a.to_owned(), rng.gen_range(0..=4u8).min(rng.gen_range(1..=4)));
        }
        let on = today - chrono::Duration::days(rng.gen_range(0..1_000));
        let next = on.checked_add_months(chrono::Months::new(24));
        if classified {
            classes.push(classification::ActiveModel {
                id: Set(id),
                asset_id: Set(id),
                model: Set("varn-kritsp-5".into()),
                answers: Set("{}".into()),
                levels: Set(serde_json::to_string(&lv).unwrap_or_default()),
                personal_data: Set(pd),
                special_categories: Set(pd && rng.gen_bool(0.2)),
                classified_by: Set(owner(city, s, rng)),
                with_user_id: Set(None),
                classified_at: Set(now),
                next_review: Set(next),
                note: Set(None),
            });
            levels.extend(lv.iter().map(|(a, l)| asset_level::ActiveModel {
                asset_id: Set(id),
                aspect: Set(a.clone()),
                level: Set(i64::from(*l)),
            }));
            for (k, code) in ["K1-01", "R1-01", "T1-01"].into_iter().enumerate() {
                let assessment = [Assessment::Uppfyllt, Assessment::Delvis, Assessment::EjUppfyllt][(i + k) % 3];
                let open = assessment.is_open();
                measures.push(asset_measure::ActiveModel {
                    asset_id: Set(id),
                    requirement: Set(code.into()),
                    assessment: Set(Some(assessment)),
                    comment: Set(None),
                    owner_user_id: Set(if open { owner(city, s, rng) } else { None }),
                    due_date: Set(open.then(|| today + chrono::Duration::days(rng.gen_range(-60..180)))),
                    updated_by: Set(None),
                    updated_at: Set(now),
                });
            }
        }
        for c in 0..rng.gen_range(1..=3) {
            let cid = ((i * 7 + c * 1_013) % n_carriers) as i64 + 1;
            links.push(asset_carrier::ActiveModel { asset_id: Set(id), carrier_id: Set(cid) });
        }
        links.dedup_by(|a, b| a.asset_id.as_ref() == b.asset_id.as_ref() && a.carrier_id.as_ref() == b.carrier_id.as_ref());
        rows.push(asset::ActiveModel {
            id: Set(id),
            unit_id: Set(unit.id),
            search_text: Set(name.to_lowercase()),
            name: Set(name),
            description: Set(None),
            owner_user_id: Set(owner(city, s, rng)),
            pua_unit_id: Set(None),
            forms: Set("text".into()),
            processes: Set(None),
            osl: Set(None),
            personal_data: Set(pd),
            special_categories: Set(false),
            classification_id: Set(classified.then_some(id)),
            max_level: Set(classified.then(|| lv.values().max().map(|m| i64::from(*m)).unwrap_or(0))),
            classified_on: Set(classified.then_some(on)),
            next_review: Set(if classified { next } else { None }),
            created_at: Set(now),
            updated_at: Set(now),
        });
    }
    insert_batches(db, rows).await?;
    insert_batches(db, classes).await?;
    insert_batches(db, levels).await?;
    insert_batches(db, links).await?;
    insert_batches(db, measures).await?;
    Ok(())
}
