//! Closed lists of choices (priority, status, domain…), each with a stable slug.
//!
//! The slug is what is stored and what a `<select>` carries, so renaming a Rust variant
//! never breaks saved data; the label lives in the translation layer.

/// A closed list of choices.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every variant, in the order a list of choices shows them.
    const ALL: &'static [Self];
    /// The stable text form, as stored and as used in form values.
    fn slug(self) -> &'static str;
    /// The variant for a slug, if there is one.
    fn from_slug(slug: &str) -> Option<Self>;
}

/// Declares a `Copy` enum whose variants serialise as fixed slugs, with `ALL` in display order.
macro_rules! choice {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $slug:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $slug)] $variant,)+
        }

        impl $crate::model::Choice for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug,)+ }
            }

            fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

pub(crate) use choice;

#[cfg(test)]
mod tests {
    use super::Choice;

    choice! {
        enum Sample { First = "first", Second = "second", }
    }

    #[test]
    fn slugs_round_trip_and_serialise_as_slugs() {
        for &value in Sample::ALL {
            assert_eq!(Sample::from_slug(value.slug()), Some(value));
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{}\"", value.slug()));
        }
        assert_eq!(Sample::from_slug("third"), None);
    }
}
