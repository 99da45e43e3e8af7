//! Browser tests: headless Chromium through chromedriver, as a user clicks. Required when
//! `VARN_E2E=1`, otherwise skipped with a message.

use crate::helpers::*;

pub fn enabled() -> bool {
    if std::env::var("VARN_E2E").is_ok_and(|v| v == "1") {
        true
    } else {
        eprintln!("browser tests skipped: set VARN_E2E=1 (needs chromium and chromedriver)");
        false
    }
}
