//! The application's steps as forms: what an applicant types on each page of `/pengajuan`,
//! and the one check per step that turns it into what the backend saves, or the issues to
//! show next to each field. The photos of two steps are not here: whether a file is a
//! picture is the photo pipeline's to decide.

use crate::nik::{Nib, Nik};
use crate::phone::PhoneNumber;
use crate::vendor::{limits, Category, Checker, FieldIssue, Gender};

/// The business step as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusinessForm {
    /// Business name.
    pub business_name: String,
    /// Category value (`kuliner`…).
    pub category: String,
    /// What they sell.
    pub description: String,
}

/// The business step, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessStep {
    /// Business name.
    pub business_name: String,
    /// What they sell.
    pub category: Category,
    /// Short description.
    pub description: String,
}

impl BusinessForm {
    /// The step, or every issue in form order.
    ///
    /// # Errors
    /// The field issues.
    pub fn check(&self) -> Result<BusinessStep, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let business_name =
            check.required_text("business_name", &self.business_name, limits::BUSINESS_NAME);
        let category = check.choice("category", &self.category, Category::from_str_value);
        let description =
            check.required_text("description", &self.description, limits::DESCRIPTION);
        match category {
            Some(category) => check.finish(BusinessStep { business_name, category, description }),
            None => Err(check.issues),
        }
    }
}

/// The owner step as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnerForm {
    /// Full name.
    pub owner_name: String,
    /// `female` or `male`.
    pub gender: String,
    /// WhatsApp number, as typed.
    pub whatsapp: String,
    /// A kelurahan id, or `luar` for outside Kota Kupang.
    pub place: String,
    /// The regency, when `place` is `luar`.
    pub outside_regency: String,
    /// Street address.
    pub address: String,
}

/// Where the owner lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A kelurahan of Kota Kupang (that the id exists is the backend's to check).
    Kelurahan(i64),
    /// Outside Kota Kupang: the regency, as typed.
    Outside(String),
}

/// The owner step, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerStep {
    /// Full name.
    pub owner_name: String,
    /// Gender.
    pub gender: Gender,
    /// WhatsApp number.
    pub whatsapp: PhoneNumber,
    /// Where they live.
    pub place: Place,
    /// Street address.
    pub address: String,
}

/// The value of [`OwnerForm::place`] for "outside Kota Kupang".
pub const OUTSIDE_KUPANG: &str = "luar";

impl OwnerForm {
    /// The step, or every issue in form order.
    ///
    /// # Errors
    /// The field issues.
    pub fn check(&self) -> Result<OwnerStep, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let owner_name = check.required_text("owner_name", &self.owner_name, limits::OWNER_NAME);
        let gender = check.choice("gender", &self.gender, Gender::from_str_value);
        let whatsapp = check.phone("whatsapp", &self.whatsapp);
        let place = if self.place == OUTSIDE_KUPANG {
            let regency =
                check.required_text("outside_regency", &self.outside_regency, limits::PLACE_NAME);
            Some(Place::Outside(regency))
        } else {
            check.choice("place", &self.place, |v| v.parse::<i64>().ok()).map(Place::Kelurahan)
        };
        let address = check.required_text("address", &self.address, limits::ADDRESS);
        match (gender, whatsapp, place) {
            (Some(gender), Some(whatsapp), Some(place)) => {
                check.finish(OwnerStep { owner_name, gender, whatsapp, place, address })
            }
            _ => Err(check.issues),
        }
    }
}

/// The returnee step as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReturneeForm {
    /// Country of last placement.
    pub placement_country: String,
    /// Years abroad, as typed.
    pub years_abroad: String,
    /// Year of return, as typed.
    pub return_year: String,
    /// The box "show this on my public profile".
    pub show_returnee_details: bool,
}

/// The returnee step, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturneeStep {
    /// Country of last placement.
    pub placement_country: String,
    /// Years abroad.
    pub years_abroad: i32,
    /// Year of return.
    pub return_year: i32,
    /// Show the badge and these details on the public profile.
    pub show_returnee_details: bool,
}

impl ReturneeForm {
    /// The step, or every issue in form order. `this_year` (WITA) is the latest year of
    /// return: nobody returns in the future.
    ///
    /// # Errors
    /// The field issues.
    pub fn check(&self, this_year: i32) -> Result<ReturneeStep, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let placement_country =
            check.required_text("placement_country", &self.placement_country, limits::PLACE_NAME);
        let years_abroad =
            check.number("years_abroad", &self.years_abroad, 0, limits::MAX_YEARS_ABROAD);
        let return_year =
            check.number("return_year", &self.return_year, limits::FIRST_RETURN_YEAR, this_year);
        match (years_abroad, return_year) {
            (Some(years_abroad), Some(return_year)) => check.finish(ReturneeStep {
                placement_country,
                years_abroad,
                return_year,
                show_returnee_details: self.show_returnee_details,
            }),
            _ => Err(check.issues),
        }
    }
}

/// The identity step as posted. Personal data: never echoed back into a page, a log or an
/// error (`Debug` shows no digits).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct IdentityForm {
    /// The NIK, as typed.
    pub nik: String,
    /// The NIB (business registration number), optional.
    pub nib: String,
}

impl std::fmt::Debug for IdentityForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentityForm").finish_non_exhaustive()
    }
}

/// The identity step, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityStep {
    /// The NIK.
    pub nik: Nik,
    /// The NIB, if they have one.
    pub nib: Option<Nib>,
}

impl IdentityForm {
    /// The step, or every issue in form order.
    ///
    /// # Errors
    /// The field issues.
    pub fn check(&self) -> Result<IdentityStep, Vec<FieldIssue>> {
        let mut check = Checker::default();
        let nik = check.nik("nik", &self.nik);
        let nib = check.nib("nib", &self.nib);
        match nik {
            Some(nik) => check.finish(IdentityStep { nik, nib }),
            None => Err(check.issues),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendor::Problem;

    fn fields(issues: &[FieldIssue]) -> Vec<&'static str> {
        issues.iter().map(|issue| issue.field).collect()
    }

    #[test]
    fn a_business_step_is_trimmed_and_its_category_read() {
        let form = BusinessForm {
            business_name: "  Tenun Ibu Yuli ".into(),
            category: "tenun".into(),
            description: "Selendang ikat.".into(),
        };
        let step = form.check().expect("valid");
        assert_eq!(step.business_name, "Tenun Ibu Yuli");
        assert_eq!(step.category, Category::Textiles);
        let empty = BusinessForm::default().check().expect_err("empty");
        assert_eq!(fields(&empty), ["business_name", "category", "description"]);
    }

    fn owner() -> OwnerForm {
        OwnerForm {
            owner_name: "Yuliana Nenotek".into(),
            gender: "female".into(),
            whatsapp: "0852-3910-0001".into(),
            place: "12".into(),
            outside_regency: String::new(),
            address: "Jl. Timor Raya 5".into(),
        }
    }

    #[test]
    fn the_owner_lives_in_a_kelurahan_or_names_the_regency_outside_kupang() {
        assert_eq!(owner().check().expect("valid").place, Place::Kelurahan(12));
        let outside = OwnerForm { place: OUTSIDE_KUPANG.into(), ..owner() };
        assert_eq!(fields(&outside.check().expect_err("no regency")), ["outside_regency"]);
        let named = OwnerForm { outside_regency: " Kabupaten Kupang ".into(), ..outside };
        assert_eq!(named.check().expect("valid").place, Place::Outside("Kabupaten Kupang".into()));
        let nonsense = OwnerForm { place: "di rumah".into(), ..owner() };
        assert_eq!(fields(&nonsense.check().expect_err("not a choice")), ["place"]);
    }

    #[test]
    fn an_owner_step_reports_every_bad_field_at_once() {
        let form = OwnerForm { gender: "x".into(), whatsapp: "12".into(), ..owner() };
        assert_eq!(fields(&form.check().expect_err("bad")), ["gender", "whatsapp"]);
    }

    #[test]
    fn nobody_returns_in_the_future_or_before_the_first_return_year() {
        let form = |year: &str| ReturneeForm {
            placement_country: "Malaysia".into(),
            years_abroad: "6".into(),
            return_year: year.into(),
            show_returnee_details: true,
        };
        let step = form("2024").check(2026).expect("valid");
        assert_eq!((step.years_abroad, step.return_year), (6, 2024));
        assert!(step.show_returnee_details);
        for bad in ["2027", "1969", "tahun lalu", ""] {
            let issues = form(bad).check(2026).expect_err(bad);
            assert_eq!(fields(&issues), ["return_year"], "{bad}");
        }
    }

    #[test]
    fn the_identity_step_needs_a_nik_and_takes_the_nib_if_given() {
        let empty = IdentityForm::default().check().expect_err("no NIK");
        assert_eq!(empty.first().map(|i| (i.field, i.problem)), Some(("nik", Problem::Required)));
        let form = IdentityForm { nik: "5371044508900002".into(), nib: String::new() };
        assert_eq!(form.check().expect("valid").nib, None);
    }

    #[test]
    fn an_identity_form_never_prints_the_nik() {
        let form = IdentityForm { nik: "5371044508900002".into(), nib: "1234567890123".into() };
        let printed = format!("{form:?}");
        assert!(!printed.contains("53710"), "{printed}");
        assert!(!printed.contains("1234"), "{printed}");
    }
}
