//! The shop profile form on `/lapak`: what an active vendor changes about their public shop,
//! and the rules, the same for the form, a server fn or a test. The business name and the
//! category are what the Dinas approved, so a change to them waits for review (the backend
//! decides that); the rest applies at once.

use crate::phone::PhoneNumber;
use crate::vendor::{limits, Category, Checker, FieldIssue};

/// The form as posted: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShopForm {
    /// Business name.
    pub business_name: String,
    /// Category value (`kuliner`…).
    pub category: String,
    /// What they sell, their story.
    pub description: String,
    /// The shop's WhatsApp number, in any spelling people type.
    pub whatsapp: String,
    /// Slug of the shop's kecamatan; empty for "outside Kota Kupang".
    pub kecamatan: String,
}

/// A checked shop profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopEdit {
    /// Business name, trimmed.
    pub business_name: String,
    /// Category.
    pub category: Category,
    /// Description, trimmed (may be empty).
    pub description: String,
    /// WhatsApp number for click-to-chat.
    pub whatsapp: PhoneNumber,
    /// Kecamatan slug, or `None` for a shop outside Kota Kupang (whose regency stays as it
    /// was approved).
    pub kecamatan: Option<String>,
}

impl ShopForm {
    /// The checked profile, or every field's problem in form order.
    ///
    /// # Errors
    /// The fields that are wrong and why.
    pub fn check(&self) -> Result<ShopEdit, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let business_name =
            check.required_text("business_name", &self.business_name, limits::BUSINESS_NAME);
        let category = check.choice("category", &self.category, Category::from_str_value);
        let description =
            check.optional_text("description", &self.description, limits::DESCRIPTION);
        let whatsapp = check.phone("whatsapp", &self.whatsapp);
        let kecamatan = Some(self.kecamatan.trim().to_owned()).filter(|slug| !slug.is_empty());
        match (category, whatsapp) {
            (Some(category), Some(whatsapp)) => {
                check.finish(ShopEdit { business_name, category, description, whatsapp, kecamatan })
            }
            _ => Err(check.issues),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendor::Problem;

    fn form() -> ShopForm {
        ShopForm {
            business_name: "  Se'i Sapi Ibu Lena ".into(),
            category: "kuliner".into(),
            description: "Se'i sapi asap.".into(),
            whatsapp: "0852-3910-0010".into(),
            kecamatan: "kelapa-lima".into(),
        }
    }

    #[test]
    fn a_complete_form_is_trimmed_and_read() {
        let edit = form().check().expect("valid");
        assert_eq!(edit.business_name, "Se'i Sapi Ibu Lena");
        assert_eq!(edit.category, Category::Food);
        assert_eq!(edit.whatsapp.e164(), "+6285239100010");
        assert_eq!(edit.kecamatan.as_deref(), Some("kelapa-lima"));
        let outside = ShopForm { kecamatan: " ".into(), ..form() }.check().expect("valid");
        assert_eq!(outside.kecamatan, None, "empty means outside Kota Kupang");
    }

    #[test]
    fn every_wrong_field_is_named_in_form_order() {
        let wrong = ShopForm {
            business_name: " ".into(),
            category: "senjata".into(),
            description: "x".repeat(limits::DESCRIPTION + 1),
            whatsapp: "12".into(),
            kecamatan: String::new(),
        };
        let issues = wrong.check().expect_err("four problems");
        let fields: Vec<_> = issues.iter().map(|i| i.field).collect();
        assert_eq!(fields, ["business_name", "category", "description", "whatsapp"]);
        assert_eq!(issues[0].problem, Problem::Required);
        assert_eq!(issues[1].problem, Problem::NotAChoice);
        assert_eq!(issues[2].problem, Problem::TooLong(limits::DESCRIPTION));
        assert!(matches!(issues[3].problem, Problem::Phone(_)));
    }
}
