#![allow(clippy::unwrap_used, clippy::expect_used)]
use sea_orm::{ConnectionTrait, Statement, Value};
#[tokio::main]
async fn main() {
    let url = std::env::var("DB").unwrap();
    let sql = std::env::var("SQL").unwrap();
    let params: Vec<Value> = std::env::var("PARAMS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|p| match p.parse::<i64>() {
            Ok(i) => Value::from(i),
            Err(_) => Value::from(p.to_owned()),
        })
        .collect();
    let cfg = varn_store::StoreConfig { url, max_connections: 1, durability: Default::default(), mmap_mib: 0 };
    let s = varn_store::Store::open(&cfg).await.unwrap();
    let db = s.read();
    for r in db
        .query_all(Statement::from_sql_and_values(db.get_database_backend(), format!("EXPLAIN QUERY PLAN {sql}"), params.clone()))
        .await
        .unwrap()
    {
        let d: String = r.try_get_by_index(3).unwrap();
        println!("  {d}");
    }
    let st = Statement::from_sql_and_values(db.get_database_backend(), &sql, params);
    db.query_all(st.clone()).await.unwrap();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..30 {
        n = db.query_all(st.clone()).await.unwrap().len();
    }
    println!("{:.3} ms, {n} rows", t.elapsed().as_secs_f64() * 1000.0 / 30.0);
}
