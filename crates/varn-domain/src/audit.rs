//! The audit log's hash chain.
//!
//! Each row's hash covers its own content and the previous row's hash, so changing,
//! removing or reordering any row breaks every hash after it. The hash is an HMAC with a key
//! kept outside the database ([`AuditKey`]), so someone who can write to the database cannot
//! recompute the chain after an edit.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;
use std::sync::Arc;

/// The secret the chain is keyed with. Never printed; its [`AuditKey::id`] may be.
#[derive(Clone)]
pub struct AuditKey(Arc<[u8]>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuditKey({})", self.id())
    }
}

impl AuditKey {
    /// A key from its bytes (at least 32 are expected; shorter keys are refused by the
    /// caller that reads them).
    pub fn new(bytes: &[u8]) -> Self {
        AuditKey(Arc::from(bytes))
    }

    /// The fixed key of tests and of the library's default: never the key of a served
    /// database, which `varn` reads from its key file or `VARN_AUDIT_KEY`.
    pub fn for_tests() -> Self {
        AuditKey::new(b"varn-test-audit-key-not-for-use-in-production")
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0).unwrap_or_else(|_| <Hmac<Sha256> as Mac>::new(&Default::default()))
    }

    /// A public fingerprint of the key (16 hex digits), to tell which key wrote a chain.
    pub fn id(&self) -> String {
        let mut m = self.mac();
        m.update(b"varn audit key id");
        hex::encode(&m.finalize().into_bytes()[..8])
    }

    /// The signature of a checkpoint: lane 1's position and hash, the other lanes that hold
    /// rows, at a time. Without other lanes it is the signature checkpoints had before the
    /// chain had lanes, so their lines still hold.
    pub fn sign_checkpoint(&self, seq: i64, hash: &str, others: &[LaneHead], at: &str) -> String {
        let mut m = self.mac();
        m.update(format!("varn audit checkpoint\n{seq}\n{hash}\n{at}").as_bytes());
        for l in others {
            m.update(format!("\n{}:{}:{}", l.lane, l.seq, l.hash).as_bytes());
        }
        hex::encode(m.finalize().into_bytes())
    }
}

impl Default for AuditKey {
    fn default() -> Self {
        AuditKey::for_tests()
    }
}

/// The hash that stands before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The content of one audit row, as hashed.
#[derive(Debug, Clone, Serialize)]
pub struct AuditContent<'a> {
    /// Sequence number (the row id).
    pub seq: i64,
    /// Microseconds since the Unix epoch.
    pub at_us: i64,
    /// Acting user, if any (system actions have none).
    pub actor_id: Option<i64>,
    /// Acting user's name at the time.
    pub actor_name: &'a str,
    /// What was done, e.g. `org.create`.
    pub action: &'a str,
    /// The kind of entity, e.g. `org_unit`.
    pub entity_type: &'a str,
    /// The entity's id, if any.
    pub entity_id: Option<i64>,
    /// Organisation path the entity belongs to, if any.
    pub org_path: Option<&'a str>,
    /// JSON of the entity before, if any.
    pub before: Option<&'a str>,
    /// JSON of the entity after, if any.
    pub after: Option<&'a str>,
    /// The lane of the chain the row is in, when it is not lane 1. Lane 1 is left out of the
    /// encoding, so rows written before the chain had lanes keep their hashes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lane: Option<i64>,
}

/// Where one lane of the chain stood at a checkpoint: its number, how many rows it held and
/// its newest row's hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct LaneHead {
    /// The lane (1 and up).
    pub lane: i64,
    /// Rows in the lane.
    pub seq: i64,
    /// The lane's newest row's hash.
    pub hash: String,
}

/// The hash of a row given the previous row's hash: HMAC-SHA-256 under `key`.
pub fn chain_hash(key: &AuditKey, prev: &str, c: &AuditContent<'_>) -> String {
    let mut h = key.mac();
    h.update(prev.as_bytes());
    h.update(b"\n");
    // serde_json writes struct fields in declaration order: a stable encoding.
    h.update(&serde_json::to_vec(c).unwrap_or_default());
    hex::encode(h.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(seq: i64, after: &str) -> AuditContent<'_> {
        AuditContent {
            seq,
            at_us: 1_700_000_000_000_000,
            actor_id: Some(1),
            actor_name: "admin",
            action: "org.create",
            entity_type: "org_unit",
            entity_id: Some(seq),
            org_path: Some("/1/"),
            before: None,
            after: Some(after),
            lane: None,
        }
    }

    /// A row of lane 1 hashes as rows did before the chain had lanes (the value was computed
    /// with that encoding), so a database written then still verifies.
    #[test]
    fn a_row_of_lane_one_hashes_as_before_lanes() {
        let h = chain_hash(&AuditKey::for_tests(), GENESIS, &c(1, "{}"));
        assert_eq!(h, "e8a16237b96826547e5d0101074a09b15b3cad7f2a6f1dce83d01b711697686e");
        assert_ne!(h, chain_hash(&AuditKey::for_tests(), GENESIS, &AuditContent { lane: Some(2), ..c(1, "{}") }));
    }

    #[test]
    fn the_chain_depends_on_everything() {
        let k = AuditKey::for_tests();
        let h1 = chain_hash(&k, GENESIS, &c(1, "{}"));
        let h2 = chain_hash(&k, &h1, &c(2, "{}"));
        assert_eq!(h1.len(), 64);
        assert_eq!(h2, chain_hash(&k, &h1, &c(2, "{}")));
        assert_ne!(h2, chain_hash(&k, GENESIS, &c(2, "{}")));
        assert_ne!(h1, chain_hash(&k, GENESIS, &c(1, "{\"a\":1}")));
        assert_ne!(h1, chain_hash(&k, GENESIS, &c(3, "{}")));
    }

    /// Each field of a row, changed alone (a value, or present against absent), changes its
    /// hash; so does moving text from one field to the next (the encoding keeps fields apart).
    #[test]
    fn every_field_of_a_row_is_in_its_hash() {
        let k = AuditKey::for_tests();
        let base = c(1, "{}");
        let h = chain_hash(&k, GENESIS, &base);
        let variants = [
            ("seq", AuditContent { seq: 2, ..base.clone() }),
            ("at_us", AuditContent { at_us: base.at_us + 1, ..base.clone() }),
            ("actor_id", AuditContent { actor_id: Some(2), ..base.clone() }),
            ("actor_id absent", AuditContent { actor_id: None, ..base.clone() }),
            ("actor_name", AuditContent { actor_name: "sara", ..base.clone() }),
            ("action", AuditContent { action: "org.delete", ..base.clone() }),
            ("entity_type", AuditContent { entity_type: "user", ..base.clone() }),
            ("entity_id", AuditContent { entity_id: Some(9), ..base.clone() }),
            ("entity_id absent", AuditContent { entity_id: None, ..base.clone() }),
            ("org_path", AuditContent { org_path: Some("/1/2/"), ..base.clone() }),
            ("org_path absent", AuditContent { org_path: None, ..base.clone() }),
            ("before", AuditContent { before: Some("{}"), ..base.clone() }),
            ("after", AuditContent { after: Some("{\"a\":1}"), ..base.clone() }),
            ("after absent", AuditContent { after: None, ..base.clone() }),
            ("lane", AuditContent { lane: Some(2), ..base.clone() }),
            ("text moved between fields", AuditContent { actor_name: "adminorg", action: ".create", ..base.clone() }),
        ];
        let mut seen = std::collections::HashSet::from([h.clone()]);
        for (what, v) in &variants {
            let hv = chain_hash(&k, GENESIS, v);
            assert_ne!(hv, h, "{what} is not in the hash");
            assert!(seen.insert(hv), "{what} hashes like another variant");
        }
        assert_eq!(h, chain_hash(&k, GENESIS, &base), "the same row, the same hash");
    }

    #[test]
    fn another_key_gives_another_chain_and_signature() {
        let (a, b) = (AuditKey::new(&[1u8; 32]), AuditKey::new(&[2u8; 32]));
        assert_ne!(chain_hash(&a, GENESIS, &c(1, "{}")), chain_hash(&b, GENESIS, &c(1, "{}")));
        assert_ne!(a.id(), b.id());
        assert_eq!(a.id().len(), 16);
        assert_eq!(a.sign_checkpoint(5, "ab", &[], "t"), a.sign_checkpoint(5, "ab", &[], "t"));
        assert_ne!(a.sign_checkpoint(5, "ab", &[], "t"), a.sign_checkpoint(4, "ab", &[], "t"));
        assert_ne!(a.sign_checkpoint(5, "ab", &[], "t"), b.sign_checkpoint(5, "ab", &[], "t"));
        let lane = |seq| LaneHead { lane: 2, seq, hash: "cd".into() };
        assert_ne!(a.sign_checkpoint(5, "ab", &[lane(3)], "t"), a.sign_checkpoint(5, "ab", &[], "t"));
        assert_ne!(a.sign_checkpoint(5, "ab", &[lane(3)], "t"), a.sign_checkpoint(5, "ab", &[lane(2)], "t"));
        assert!(!format!("{a:?}").contains("1, 1"));
    }
}
