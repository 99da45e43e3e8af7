//! Enums whose variants are stored and sent as codes (`pa_remiss`) and shown as labels from
//! the catalogue (`doc.status.pa_remiss`). Each enum derives its codes once with strum and
//! implements [`Code`] with its catalogue prefix and its parse error; nothing else spells a
//! code out.

/// A closed set of values with stable codes.
pub trait Code: Copy + Eq + Into<&'static str> + std::str::FromStr + strum::VariantArray + 'static {
    /// The catalogue prefix of the labels, e.g. `doc.status`.
    const KEY: &'static str;
    /// The catalogue key of the error when a code is not one of ours.
    const INVALID: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The stored code.
    fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a stored code (surrounding space ignored).
    fn parse(s: &str) -> Result<Self, &'static str> {
        s.trim().parse().map_err(|_| Self::INVALID)
    }

    /// The catalogue key of the label.
    fn key(self) -> String {
        format!("{}.{}", Self::KEY, self.as_str())
    }
}

/// Declares an enum as a [`Code`]: derives the codes (snake_case of the variant), the typed
/// column (with the `sea-orm` feature) and serde, and implements the trait.
#[macro_export]
macro_rules! code_enum {
    ($(#[$m:meta])* pub enum $name:ident ($key:literal, $invalid:literal) { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[derive(strum::EnumString, strum::Display, strum::IntoStaticStr, strum::VariantArray)]
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $crate::code::Code for $name {
            const KEY: &'static str = $key;
            const INVALID: &'static str = $invalid;
        }
    };
}
