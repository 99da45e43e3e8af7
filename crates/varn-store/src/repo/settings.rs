//! Key–value settings.

use crate::entity::setting;
use sea_orm::*;

/// A setting's value.
pub async fn get<D: ConnectionTrait>(db: &D, key: &str) -> Result<Option<String>, DbErr> {
    Ok(setting::Entity::find_by_id(key.to_owned()).one(db).await?.map(|s| s.value))
}

/// Sets a value.
pub async fn set<D: ConnectionTrait>(db: &D, key: &str, value: &str) -> Result<(), DbErr> {
    let existing = setting::Entity::find_by_id(key.to_owned()).one(db).await?;
    let am = setting::ActiveModel { key: Set(key.to_owned()), value: Set(value.to_owned()) };
    if existing.is_some() {
        am.update(db).await?;
    } else {
        am.insert(db).await?;
    }
    Ok(())
}
