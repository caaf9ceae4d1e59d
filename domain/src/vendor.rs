//! The vendor application's fields and their rules, shared by the browser and the server so a
//! field is judged the same everywhere. Each check returns which field is wrong and why; the
//! UI turns that into a translated message next to the field.

use serde::{Deserialize, Serialize};

use crate::nik::{Nib, NibError, Nik, NikError};
use crate::phone::{PhoneError, PhoneNumber};

/// What a vendor sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Cooked food and snacks: se'i, jagung bose, kue.
    Food,
    /// Coffee, tea and other drinks.
    Drinks,
    /// Tenun ikat and other cloth.
    Textiles,
    /// Crafts: anyaman lontar, sasando souvenirs.
    Crafts,
    /// Produce: honey, sambal lu'at, moringa.
    Produce,
    /// Services: tailoring, phone repair.
    Services,
    /// Anything else.
    Other,
}

impl Category {
    /// Every category, in the order forms list them.
    pub const ALL: [Category; 7] = [
        Category::Food,
        Category::Drinks,
        Category::Textiles,
        Category::Crafts,
        Category::Produce,
        Category::Services,
        Category::Other,
    ];

    /// The stored and form value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Food => "kuliner",
            Category::Drinks => "minuman",
            Category::Textiles => "tenun",
            Category::Crafts => "kerajinan",
            Category::Produce => "hasil-bumi",
            Category::Services => "jasa",
            Category::Other => "lainnya",
        }
    }

    /// Reads a stored or posted value.
    #[must_use]
    pub fn from_str_value(value: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == value)
    }
}

/// Where a vendor record stands. Erasure is recorded apart (`erased_at`), because an erased
/// vendor keeps the business name its receipts and ledger rows need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VendorStatus {
    /// Selling: the shop and its products are public.
    Active,
    /// Suspended by the Dinas: everything of the shop is hidden until reinstated.
    Suspended,
}

impl VendorStatus {
    /// Every status.
    pub const ALL: [VendorStatus; 2] = [VendorStatus::Active, VendorStatus::Suspended];

    /// The stored name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            VendorStatus::Active => "active",
            VendorStatus::Suspended => "suspended",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn from_db(name: &str) -> Option<VendorStatus> {
        VendorStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// The owner's gender, as the Dinas reports on women-led businesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Perempuan.
    Female,
    /// Laki-laki.
    Male,
}

impl Gender {
    /// The stored and form value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }

    /// Reads a stored or posted value.
    #[must_use]
    pub fn from_str_value(value: &str) -> Option<Gender> {
        [Gender::Female, Gender::Male].into_iter().find(|g| g.as_str() == value)
    }
}

/// Longest accepted lengths, in characters.
pub mod limits {
    /// Business name.
    pub const BUSINESS_NAME: usize = 80;
    /// What they sell.
    pub const DESCRIPTION: usize = 600;
    /// Owner's full name.
    pub const OWNER_NAME: usize = 100;
    /// Street address.
    pub const ADDRESS: usize = 200;
    /// Country of last placement, or a regency outside Kota Kupang.
    pub const PLACE_NAME: usize = 60;
    /// A reviewer's message or reason.
    pub const MESSAGE: usize = 1000;
    /// Years abroad.
    pub const MAX_YEARS_ABROAD: i32 = 50;
    /// The earliest year of return accepted.
    pub const FIRST_RETURN_YEAR: i32 = 1970;
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Must be filled in.
    Required,
    /// Longer than the limit (in characters).
    TooLong(usize),
    /// Not one of the choices.
    NotAChoice,
    /// Not a whole number in range.
    OutOfRange(i32, i32),
    /// A phone number that cannot be read.
    Phone(PhoneError),
    /// A NIK that cannot be right.
    Nik(NikError),
    /// A NIB that cannot be right.
    Nib(NibError),
    /// Not usable in a web address (2–40 of `a-z`, `0-9` and inner dashes).
    Slug,
}

/// A field and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldIssue {
    /// The form field's name.
    pub field: &'static str,
    /// What is wrong.
    pub problem: Problem,
}

/// Collects the issues of one form.
#[derive(Debug, Default)]
pub struct Checker {
    /// Issues found so far, in field order.
    pub issues: Vec<FieldIssue>,
}

impl Checker {
    fn issue(&mut self, field: &'static str, problem: Problem) {
        self.issues.push(FieldIssue { field, problem });
    }

    /// Trimmed text, required, at most `max` characters.
    pub fn required_text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.issue(field, Problem::Required);
        } else if value.chars().count() > max {
            self.issue(field, Problem::TooLong(max));
        }
        value.to_owned()
    }

    /// Trimmed text, optional, at most `max` characters.
    pub fn optional_text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.chars().count() > max {
            self.issue(field, Problem::TooLong(max));
        }
        value.to_owned()
    }

    /// One of `parse`'s choices, required.
    pub fn choice<T>(
        &mut self,
        field: &'static str,
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        if value.trim().is_empty() {
            self.issue(field, Problem::Required);
            return None;
        }
        let parsed = parse(value.trim());
        if parsed.is_none() {
            self.issue(field, Problem::NotAChoice);
        }
        parsed
    }

    /// A whole number in `min..=max`, required.
    pub fn number(&mut self, field: &'static str, value: &str, min: i32, max: i32) -> Option<i32> {
        if value.trim().is_empty() {
            self.issue(field, Problem::Required);
            return None;
        }
        match value.trim().parse::<i32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.issue(field, Problem::OutOfRange(min, max));
                None
            }
        }
    }

    /// A mobile number, required.
    pub fn phone(&mut self, field: &'static str, value: &str) -> Option<PhoneNumber> {
        match PhoneNumber::parse(value) {
            Ok(phone) => Some(phone),
            Err(PhoneError::Empty) => {
                self.issue(field, Problem::Required);
                None
            }
            Err(error) => {
                self.issue(field, Problem::Phone(error));
                None
            }
        }
    }

    /// A NIK, required.
    pub fn nik(&mut self, field: &'static str, value: &str) -> Option<Nik> {
        match Nik::parse(value) {
            Ok(nik) => Some(nik),
            Err(NikError::Empty) => {
                self.issue(field, Problem::Required);
                None
            }
            Err(error) => {
                self.issue(field, Problem::Nik(error));
                None
            }
        }
    }

    /// A NIB, optional.
    pub fn nib(&mut self, field: &'static str, value: &str) -> Option<Nib> {
        if value.trim().is_empty() {
            return None;
        }
        match Nib::parse(value) {
            Ok(nib) => Some(nib),
            Err(error) => {
                self.issue(field, Problem::Nib(error));
                None
            }
        }
    }

    /// The issues, or `value` when there are none.
    ///
    /// # Errors
    /// The issues found.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldIssue>> {
        if self.issues.is_empty() {
            Ok(value)
        } else {
            Err(self.issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_is_trimmed_and_limited() {
        let mut check = Checker::default();
        assert_eq!(check.required_text("name", "  Se'i Mama Ros ", 80), "Se'i Mama Ros");
        check.required_text("empty", "   ", 80);
        check.required_text("long", &"a".repeat(81), 80);
        assert_eq!(
            check.issues,
            [
                FieldIssue { field: "empty", problem: Problem::Required },
                FieldIssue { field: "long", problem: Problem::TooLong(80) },
            ]
        );
    }

    #[test]
    fn choices_numbers_and_identity_numbers_say_what_is_wrong() {
        let mut check = Checker::default();
        assert_eq!(
            check.choice("category", "tenun", Category::from_str_value),
            Some(Category::Textiles)
        );
        assert_eq!(check.choice("category", "senjata", Category::from_str_value), None);
        assert_eq!(check.number("years", "6", 0, 50), Some(6));
        assert_eq!(check.number("years", "enam", 0, 50), None);
        assert!(check.nik("nik", "5371010101800001").is_some());
        assert_eq!(check.nik("nik", "123"), None);
        assert_eq!(check.nib("nib", ""), None);
        let problems: Vec<_> = check.issues.iter().map(|i| i.problem).collect();
        assert_eq!(
            problems,
            [Problem::NotAChoice, Problem::OutOfRange(0, 50), Problem::Nik(NikError::Length)]
        );
    }

    #[test]
    fn stored_values_round_trip() {
        for category in Category::ALL {
            assert_eq!(Category::from_str_value(category.as_str()), Some(category));
        }
        assert_eq!(Gender::from_str_value("female"), Some(Gender::Female));
        assert_eq!(Gender::from_str_value("x"), None);
    }
}
