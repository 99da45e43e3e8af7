#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Värn's integration tests: one binary (link time is precious), a fresh database and a
//! random port per test. SQLite by default; PostgreSQL too when `VARN_TEST_DATABASE_URL`
//! names a server. Browser tests run when `VARN_E2E=1`.

mod api;
mod assets;
mod audit;
mod authz;
mod backup;
mod browser;
mod contract;
mod documents;
mod edges;
mod helpers;
mod incidents;
mod org;
mod pages;
mod risks;
mod signin;
mod store;
mod work;
