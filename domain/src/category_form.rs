//! The category form on `/admin/kategori`: an officer adds a product category or renames and
//! moves one. The slug is part of addresses (`/kategori/kuliner`), so it is checked here with
//! the names, the same for the form and any other caller.

use serde::Deserialize;

use crate::listing::is_category_slug;
use crate::vendor::{Checker, FieldIssue, Problem};

/// Longest category name, in either language.
pub const NAME: usize = 40;
/// Highest display position.
pub const MAX_POSITION: i32 = 999;

/// The form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CategoryForm {
    /// Address part, `a-z`, `0-9` and dashes.
    pub slug: String,
    /// Name in Bahasa Indonesia.
    pub name_id: String,
    /// Name in English.
    pub name_en: String,
    /// Display order, as typed.
    pub position: String,
}

/// A checked category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryEdit {
    /// Address part (the category's stable key).
    pub slug: String,
    /// Name in Bahasa Indonesia.
    pub name_id: String,
    /// Name in English.
    pub name_en: String,
    /// Display order, smallest first.
    pub position: i32,
}

impl CategoryForm {
    /// The category, or every issue in form order.
    ///
    /// # Errors
    /// The field issues.
    pub fn check(&self) -> Result<CategoryEdit, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let slug = self.slug.trim().to_owned();
        if !is_category_slug(&slug) {
            check.issues.push(FieldIssue { field: "slug", problem: Problem::Slug });
        }
        let name_id = check.required_text("name_id", &self.name_id, NAME);
        let name_en = check.required_text("name_en", &self.name_en, NAME);
        let position = check.number("position", &self.position, 0, MAX_POSITION);
        match position {
            Some(position) => check.finish(CategoryEdit { slug, name_id, name_en, position }),
            None => Err(check.issues),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CategoryForm {
        CategoryForm {
            slug: " tenun-ikat ".into(),
            name_id: "Tenun ikat".into(),
            name_en: "Ikat weaving".into(),
            position: "3".into(),
        }
    }

    #[test]
    fn a_category_is_trimmed_and_its_position_read() {
        let edit = form().check().expect("valid");
        assert_eq!((edit.slug.as_str(), edit.position), ("tenun-ikat", 3));
    }

    #[test]
    fn a_slug_that_cannot_be_an_address_is_refused_with_the_other_problems() {
        let bad = CategoryForm { slug: "Tenun Ikat".into(), name_en: String::new(), ..form() };
        let issues = bad.check().expect_err("bad");
        let found: Vec<_> = issues.iter().map(|i| (i.field, i.problem)).collect();
        assert_eq!(found, [("slug", Problem::Slug), ("name_en", Problem::Required)]);
        let far = CategoryForm { position: "1000".into(), ..form() };
        assert_eq!(far.check().expect_err("too far")[0].field, "position");
    }
}
