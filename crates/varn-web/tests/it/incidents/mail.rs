//! Mail through a real SMTP server started by the test (mailin-embedded): a new report is
//! queued in its own transaction, survives the server being down, and is delivered when it
//! comes up; a digest gathers a person's mail into one; escalation and deadline reminders go
//! at once whatever the choice, and a deadline is reminded of once.

use super::*;
use chrono::{Duration, Utc};
use mailin_embedded::response::OK;
use mailin_embedded::{Handler, Response, Server, SslConfig};
use rstest::rstest;
use std::sync::{Arc, Mutex};

/// What the server received: (recipients, raw message).
type Received = Arc<Mutex<Vec<(Vec<String>, String)>>>;

#[derive(Clone, Default)]
struct Inbox {
    got: Received,
    to: Vec<String>,
    buf: Vec<u8>,
}

impl Handler for Inbox {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.buf.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let text = String::from_utf8_lossy(&self.buf).into_owned();
        self.got.lock().unwrap().push((self.to.clone(), text));
        OK
    }
}

/// Starts an SMTP server on `port` in a thread of its own.
fn smtp_on(port: u16) -> Received {
    let inbox = Inbox::default();
    let got = inbox.got.clone();
    let mut server = Server::new(inbox);
    server.with_name("test.local").with_ssl(SslConfig::None).unwrap().with_addr(format!("127.0.0.1:{port}")).unwrap();
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    got
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// As if the retry's wait had passed (the test does not wait two minutes).
async fn time_passes(t: &TestApp) {
    use sea_orm::ConnectionTrait;
    let sql = varn_store::repo::stmt(
        t.app.store.write(),
        "UPDATE mail_outbox SET deliver_after = ? WHERE sent_at IS NULL",
        vec![(Utc::now() - Duration::seconds(1)).into()],
    );
    t.app.store.write().execute(sql).await.unwrap();
}

/// A message as a reader sees it: quoted-printable undone (soft breaks and `=XX`).
fn decoded(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "");
    let b = joined.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).and_then(|c| hex(*c)), b.get(i + 2).and_then(|c| hex(*c))) {
            (b'=', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn to(got: &Received, addr: &str) -> Vec<String> {
    got.lock().unwrap().iter().filter(|(rcpt, _)| rcpt.iter().any(|r| r == addr)).map(|(_, m)| decoded(m)).collect()
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn mail_waits_out_an_smtp_outage_gathers_a_digest_and_reminds_of_deadlines_once(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let port = free_port();
    let mail = varn_app::mail::MailConfig {
        host: "127.0.0.1".into(),
        port,
        tls: varn_app::mail::Tls::None,
        username: None,
        password: None,
        from: "Värn <varn@exempelstad.se>".into(),
        public_url: "https://varn.exempelstad.se".into(),
        digest_hour: 7,
    };
    let t_ = TestApp::spawn_with(b, varn_app::AppConfig { mail: Some(mail), ..test_config() }).await;
    let lisa = api_as(&t_, "lisa.nilsson").await;
    // The server is down: the report is made, its mail kept.
    let (s, v) = lisa.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Skrivare skickade ut journaler"}))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let waiting = t_.app.mail().waiting().await.unwrap();
    assert!(waiting >= 1, "queued with the report");
    let d = t_.app.mail().deliver_due().await.unwrap();
    assert_eq!((d.sent, d.failed as u64), (0, waiting), "every mail failed and waits");
    assert_eq!(t_.app.mail().waiting().await.unwrap(), waiting, "nothing lost");
    assert_eq!(t_.app.mail().deliver_due().await.unwrap(), varn_app::mail::Delivered::default(), "not tried again before its time");
    // The server comes up; after the wait, delivered.
    let got = smtp_on(port);
    time_passes(&t_).await;
    let d = t_.app.mail().deliver_due().await.unwrap();
    assert_eq!((d.sent as u64, d.failed), (waiting, 0));
    assert_eq!(t_.app.mail().waiting().await.unwrap(), 0);
    let sara = to(&got, "sara.lindqvist@exempelstad.se");
    assert_eq!(sara.len(), 1, "the samordnare is told once");
    assert!(sara[0].contains("Subject: Ny incidentrapport: Skrivare skickade ut journaler"), "{}", sara[0]);
    assert!(sara[0].contains(&format!("https://varn.exempelstad.se/incidents/{id}")), "with the link");

    // Sara chooses a daily digest: two reports wait for it and then go as one mail.
    let c = t_.signed_in("sara.lindqvist").await;
    assert_eq!(c.post_form("/account/mail", &[("mode", "digest")]).await.status().as_u16(), 303);
    for title in ["Första rapporten till sammanfattningen", "Andra rapporten till sammanfattningen"] {
        lisa.call(Method::POST, "/api/v1/incidents", Some(json!({"title": title}))).await;
    }
    t_.app.mail().deliver_due().await.unwrap();
    assert_eq!(to(&got, "sara.lindqvist@exempelstad.se").len(), 1, "nothing before the digest's hour");
    time_passes(&t_).await;
    t_.app.mail().deliver_due().await.unwrap();
    let sara = to(&got, "sara.lindqvist@exempelstad.se");
    assert_eq!(sara.len(), 2, "one digest");
    assert!(sara[1].contains("Första rapporten") && sara[1].contains("Andra rapporten"), "{}", sara[1]);

    // The krisledningsgrupp's list: only real people, kept by the city's handlers.
    let sara_api = api_as(&t_, "sara.lindqvist").await;
    let (s, e) = sara_api.call(Method::PUT, "/api/v1/settings/incidents", Some(json!({"kris": ["karin.berg", "ingen.alls"]}))).await;
    assert_eq!(s, 422);
    assert!(crate::documents::has(&e, "kris", "err.user.unknown"), "{e}");
    let (s, _) = api_as(&t_, "karin.berg").await.call(Method::PUT, "/api/v1/settings/incidents", Some(json!({"kris": []}))).await;
    assert_eq!(s, 403, "a unit head does not keep the city's lists");
    let lists = json!({"kris": ["karin.berg"], "dataskyddsombud": ["maria.strom"]});
    let (s, l) = sara_api.call(Method::PUT, "/api/v1/settings/incidents", Some(lists)).await;
    assert_eq!((s, l["kris"].clone(), l["dataskyddsombud"].clone()), (200, json!(["karin.berg"]), json!(["maria.strom"])));
    // Judged a personal data breach: the dataskyddsombud is told at once, once.
    for _ in 0..2 {
        let (s, _) = sara_api.call(Method::PUT, &format!("/api/v1/incidents/{id}/duties/gdpr"), Some(json!({"applies": true}))).await;
        assert_eq!(s, 200);
    }
    t_.app.mail().deliver_due().await.unwrap();
    let dpo = to(&got, "maria.strom@exempelstad.se");
    assert_eq!(dpo.len(), 1, "{dpo:?}");
    assert!(dpo[0].contains("Subject: Personuppgiftsincident: Skrivare skickade ut journaler"), "{}", dpo[0]);
    // Escalation goes at once despite the digest, and to the level's list.
    let (s, _) = sara_api
        .call(Method::POST, &format!("/api/v1/incidents/{id}/escalate"), Some(json!({"level": "kris", "reason": "Journaler i omlopp"})))
        .await;
    assert_eq!(s, 200);
    t_.app.mail().deliver_due().await.unwrap();
    let sara = to(&got, "sara.lindqvist@exempelstad.se");
    assert!(sara.last().unwrap().contains("Subject: Kris: Skrivare skickade ut journaler"), "{}", sara.last().unwrap());
    let karin = to(&got, "karin.berg@exempelstad.se");
    assert!(karin.iter().any(|m| m.contains("Subject: Kris: Skrivare skickade ut journaler")), "the krisledningsgrupp is told: {karin:?}");

    // A deadline within twelve hours is reminded of, once.
    let aware = (Utc::now() - Duration::hours(20)).to_rfc3339();
    let (s, v) = sara_api
        .call(Method::PUT, &format!("/api/v1/incidents/{id}/triage"), Some(json!({"unit_id": t_.id("Hemtjänst Öst"), "aware_at": aware})))
        .await;
    assert_eq!(s, 200, "{v}");
    // (The demo's own open incidents may have deadlines within twelve hours too, by the hour of the day.)
    assert!(t_.app.incidents().remind_deadlines().await.unwrap() >= 1);
    assert_eq!(t_.app.incidents().remind_deadlines().await.unwrap(), 0, "once per deadline");
    t_.app.mail().deliver_due().await.unwrap();
    let sara = to(&got, "sara.lindqvist@exempelstad.se");
    let reminders: Vec<&String> =
        sara.iter().filter(|m| m.contains("Subject: Frist ") && m.contains("Skrivare skickade ut journaler")).collect();
    assert_eq!(reminders.len(), 1, "our deadline reminded of once: {sara:?}");
    t_.stop().await;
}
