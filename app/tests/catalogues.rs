//! The translation catalogues are complete: both languages have exactly the same messages, and
//! every key the code asks for exists. A missing translation fails here, not in front of a user.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 2] = ["id", "en"];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Message ids of a Fluent file (`key = value` lines; attributes and comments skipped).
fn catalogue_keys(language: &str) -> Vec<String> {
    let path = manifest_dir().join("locales").join(language).join("main.ftl");
    let text = std::fs::read_to_string(&path).expect("catalogue exists");
    text.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            assert!(!value.trim().is_empty(), "{language}: {key} has no text");
            Some(key.trim().to_owned())
        })
        .collect()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The first string literal after each occurrence of `marker` in `source`.
fn literals_after(source: &str, marker: &str) -> Vec<String> {
    source
        .match_indices(marker)
        .filter_map(|(at, _)| {
            let rest = &source[at + marker.len()..];
            let rest = rest.trim_start().strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_owned())
        })
        .collect()
}

/// The text of a method from its signature to its closing brace at four spaces' indent.
fn function_body<'a>(source: &'a str, signature: &str) -> Option<&'a str> {
    let start = source.find(signature)?;
    let end = source[start..].find("\n    }\n")?;
    Some(&source[start..start + end])
}

/// Keys the code looks up: arguments of `t(…)` / `t_args(…)`, the literals returned by
/// `AppError::message_keys`, and the `error-…` keys the server writes with `server_text`.
fn keys_used_in_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&manifest_dir().join("src"), &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable source");
        keys.extend(literals_after(&source, " t("));
        keys.extend(literals_after(&source, "{t("));
        keys.extend(literals_after(&source, "=t("));
        keys.extend(literals_after(&source, "t_args("));
        if let Some(body) = function_body(&source, "fn message_keys") {
            keys.extend(body.split('"').skip(1).step_by(2).map(str::to_owned));
        }
    }
    // Keys handed around as constants and form feedback (`"auth-error-…"`) rather than passed
    // to `t(…)` directly: any literal shaped like a key with one of the catalogue's prefixes.
    let mut all_files = Vec::new();
    rust_files(&manifest_dir().join("src"), &mut all_files);
    rust_files(&manifest_dir().join("../server/src"), &mut all_files);
    // Domain types name the keys of their own text (a notice's headline).
    rust_files(&manifest_dir().join("../domain/src"), &mut all_files);
    for file in all_files {
        let source = std::fs::read_to_string(&file).expect("readable source");
        keys.extend(
            source.split('"').skip(1).step_by(2).filter(|s| looks_like_key(s)).map(str::to_owned),
        );
    }
    keys
}

/// Prefixes of messages that code refers to by literal, outside `t(…)`.
const KEY_PREFIXES: &[&str] = &[
    "error-",
    "mail-",
    "auth-error-",
    "auth-notice-",
    "account-notice-",
    "admin-role-",
    "form-error-",
    "admin-not-",
    "apply-",
    "review-",
    "category-",
    "gender-",
    "vendor-",
    "privacy-",
    "shop-",
    "unit-",
    "availability-",
    "notice-",
    "notices-",
];

fn looks_like_key(text: &str) -> bool {
    KEY_PREFIXES.iter().any(|prefix| text.starts_with(prefix))
        && text.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        // CSS classes and element ids that share a prefix.
        && !matches!(text, "error-panel" | "error-title")
}

#[test]
fn both_languages_have_exactly_the_same_messages() {
    let [id, en] =
        LANGUAGES.map(|language| catalogue_keys(language).into_iter().collect::<BTreeSet<_>>());
    let only_id: Vec<_> = id.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&id).collect();
    assert!(
        only_id.is_empty() && only_en.is_empty(),
        "missing in en: {only_id:?}; missing in id: {only_en:?}"
    );
}

#[test]
fn no_message_is_defined_twice() {
    for language in LANGUAGES {
        let keys = catalogue_keys(language);
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(keys.len(), unique.len(), "{language} defines a key twice");
    }
}

#[test]
fn every_key_the_code_uses_is_translated_in_both_languages() {
    let used = keys_used_in_code();
    assert!(used.len() > 20, "the scanner found too few keys ({used:?}); is it broken?");
    for language in LANGUAGES {
        let defined: BTreeSet<_> = catalogue_keys(language).into_iter().collect();
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
    }
}

#[test]
fn the_scanner_finds_keys_in_calls() {
    let found = literals_after(r#"let a = t("home-title"); {t( "x-y")} t_args("z", &[])"#, " t(");
    assert_eq!(found, ["home-title"]);
}
