//! The product form: what a vendor types for a product, and the one check that turns it into a
//! [`ProductDraft`] or the issues to show next to each field. The server's form handler, and
//! any other caller, go through [`ProductForm::check`].

use serde::Deserialize;

use crate::listing::{limits, Availability, Unit};
use crate::vendor::{Checker, FieldIssue};
use crate::Rupiah;

/// The product form as posted: every field text, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ProductForm {
    /// Product name.
    pub name: String,
    /// Category slug.
    pub category: String,
    /// Description.
    pub description: String,
    /// Price as people write it (`275.000`, `Rp 275.000`).
    pub price: String,
    /// Unit value.
    pub unit: String,
    /// `ready`, `preorder` or `sold_out`.
    pub availability: String,
    /// Days of notice a pre-order needs.
    pub lead_days: String,
}

/// A product as the vendor described it, every field checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductDraft {
    /// Name.
    pub name: String,
    /// Category slug (that it exists is the backend's to check).
    pub category: String,
    /// Description.
    pub description: String,
    /// Price.
    pub price: Rupiah,
    /// Unit.
    pub unit: Unit,
    /// Availability.
    pub availability: Availability,
}

impl ProductForm {
    /// The draft, or every issue found, in field order.
    ///
    /// # Errors
    /// The field issues, to show next to each field.
    pub fn check(&self) -> Result<ProductDraft, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let name = check.required_text("name", &self.name, limits::NAME);
        let category = check.required_text("category", &self.category, 40);
        let description =
            check.optional_text("description", &self.description, limits::DESCRIPTION);
        let price = check.price("price", &self.price);
        let unit = check.choice("unit", &self.unit, Unit::from_str_value);
        let availability = match self.availability.as_str() {
            "preorder" => check
                .number("lead_days", &self.lead_days, 1, limits::MAX_LEAD_DAYS)
                .map(Availability::PreOrder),
            other => check.choice("availability", other, |v| match v {
                "ready" => Some(Availability::Ready),
                "sold_out" => Some(Availability::SoldOut),
                _ => None,
            }),
        };
        match (price, unit, availability) {
            (Some(price), Some(unit), Some(availability)) => check.finish(ProductDraft {
                name,
                category,
                description,
                price,
                unit,
                availability,
            }),
            _ => Err(check.issues),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendor::Problem;

    fn form() -> ProductForm {
        ProductForm {
            name: "  Selendang ikat Amarasi ".into(),
            category: "tenun".into(),
            description: "Pewarna alam.".into(),
            price: "275.000".into(),
            unit: "lembar".into(),
            availability: "ready".into(),
            lead_days: String::new(),
        }
    }

    #[test]
    fn a_filled_in_form_becomes_a_trimmed_draft() {
        let draft = form().check().expect("valid");
        assert_eq!(draft.name, "Selendang ikat Amarasi");
        assert_eq!(draft.price.amount(), 275_000);
        assert_eq!(draft.availability, Availability::Ready);
    }

    #[test]
    fn a_pre_order_needs_its_days_of_notice() {
        let pre_order =
            ProductForm { availability: "preorder".into(), lead_days: "3".into(), ..form() };
        assert_eq!(pre_order.check().expect("valid").availability, Availability::PreOrder(3));
        let without = ProductForm { availability: "preorder".into(), ..form() };
        let issues = without.check().expect_err("no days");
        assert_eq!(issues.iter().map(|i| i.field).collect::<Vec<_>>(), ["lead_days"]);
    }

    #[test]
    fn every_field_wrong_is_reported_in_field_order() {
        let issues = ProductForm::default().check().expect_err("empty");
        let fields: Vec<_> = issues.iter().map(|i| i.field).collect();
        assert_eq!(fields, ["name", "category", "price", "unit", "availability"]);
        assert_eq!(issues[0].problem, Problem::Required);
    }
}
