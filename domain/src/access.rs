//! What a refusal says, and where a login may lead back to. Who may do what is
//! [`crate::permission`]: every endpoint declares a [`crate::Need`] and pages, server fns
//! and form handlers all decide through [`crate::Need::check`], so the rule exists once.

/// Why a caller was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// Nobody is logged in (HTTP 401).
    #[error("login required")]
    LoginRequired,
    /// Logged in, but without the permission (HTTP 403).
    #[error("permission missing")]
    Forbidden,
}

/// The local path to go to after logging in, or `None` when `next` could lead off the site
/// (`//evil.example`, `/\evil.example`, `https://…`) or is not a path at all.
#[must_use]
pub fn safe_next_path(next: &str) -> Option<&str> {
    let is_local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    is_local.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next_path("/akun"), Some("/akun"));
        assert_eq!(safe_next_path("/cari?q=tenun"), Some("/cari?q=tenun"));
        for bad in
            ["//evil.example", "/\\evil.example", "https://evil.example", "", "akun", "/a\nb"]
        {
            assert_eq!(safe_next_path(bad), None, "{bad:?}");
        }
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn a_followed_path_is_the_input_and_stays_on_the_site(next in "\\PC{0,30}|/[/\\\\]?\\PC{0,20}") {
            if let Some(path) = safe_next_path(&next) {
                prop_assert_eq!(path, next.as_str());
                prop_assert!(path.starts_with('/') && !path.starts_with("//"));
                prop_assert!(!path.contains('\\'));
            }
        }
    }
}
