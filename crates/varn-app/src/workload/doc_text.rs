//! The words of the generated documents: subjects, and a body of plausible sentences.

use rand::rngs::StdRng;
use rand::Rng;

pub(super) const SUBJECTS: [&str; 16] = [
    "informationsklassning",
    "behörighetshantering",
    "lösenord och inloggning",
    "distansarbete",
    "molntjänster",
    "säkerhetskopiering",
    "incidenthantering",
    "loggning och spårbarhet",
    "kontinuitetsplanering",
    "mobila enheter",
    "e-post och meddelanden",
    "utskrifter och papper",
    "leverantörer och avtal",
    "personuppgifter",
    "kryptering",
    "informationssäkerhetsutbildning",
];

const SENTENCES: [&str; 10] = [
    "Informationen ska ges ett skydd som motsvarar dess klassning i konfidentialitet, riktighet och tillgänglighet.",
    "Varje förvaltning ansvarar för att medarbetarna känner till och följer detta dokument.",
    "Avvikelser rapporteras till närmaste chef och till informationssäkerhetssamordnaren utan dröjsmål.",
    "Informationsägaren beslutar om behörigheter och följer upp dem minst en gång per år.",
    "Riskerna bedöms innan ett nytt IT-stöd tas i bruk och när verksamheten ändras väsentligt.",
    "Personuppgifter behandlas enligt dataskyddsförordningen och stadens riktlinjer.",
    "Leverantörer som hanterar stadens information ska uppfylla samma krav som staden själv.",
    "Dokumentet följs upp i nämndernas internkontroll och revideras vid behov.",
    "Säkerhetskopior tas regelbundet och återläsning prövas minst en gång per år.",
    "Medarbetare genomgår grundutbildning i informationssäkerhet vid anställningens början.",
];

/// What a document looks like in the generated city.
pub(super) fn body(rng: &mut StdRng, title: &str, version: i32) -> String {
    let mut s = format!("## Syfte\n\n{title} anger hur staden arbetar. Version {version}.\n\n");
    for h in ["Omfattning", "Ansvar", "Krav", "Uppföljning"] {
        s.push_str(&format!("## {h}\n\n"));
        for _ in 0..rng.gen_range(2..5) {
            s.push_str(SENTENCES[rng.gen_range(0..SENTENCES.len())]);
            s.push(' ');
        }
        s.push_str("\n\n");
        if h == "Krav" {
            for _ in 0..4 {
                s.push_str(&format!("- {}\n", SENTENCES[rng.gen_range(0..SENTENCES.len())]));
            }
            s.push('\n');
        }
    }
    s
}
