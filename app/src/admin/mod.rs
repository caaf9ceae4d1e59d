//! City staff's pages: the list of accounts, one account's page with role management and
//! password reset links.

pub mod api;
mod categories;
mod user;
mod users;

pub use categories::{AdminCategoriesPage, CATEGORY_FORM};
pub use user::AdminUserPage;
pub use users::AdminUsersPage;

/// Form names on the account page.
pub mod form {
    /// Issue a password reset link.
    pub const RESET_LINK: &str = "reset-link";
    /// Change the role.
    pub const ROLE: &str = "role";
}
