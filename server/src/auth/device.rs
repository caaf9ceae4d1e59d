//! A short, human label for a browser ("Android · Chrome"), for the account page's list of
//! sessions. Deliberately coarse: enough to recognise one's own phone, not to fingerprint it.

/// Reads the system and browser family from a User-Agent header.
#[must_use]
pub fn label(user_agent: &str) -> String {
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    // Order matters: most browsers also claim to be Chrome and Safari.
    let browser = [
        ("SamsungBrowser", "Samsung Internet"),
        ("OPR/", "Opera"),
        ("Opera", "Opera"),
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("UCBrowser", "UC Browser"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    match (system, browser) {
        (Some(system), Some(browser)) => format!("{system} · {browser}"),
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn common_phones_and_desktops_get_a_recognisable_label() {
        let android_chrome = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(label(android_chrome), "Android · Chrome");
        let samsung = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0 Mobile Safari/537.36";
        assert_eq!(label(samsung), "Android · Samsung Internet");
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
        assert_eq!(label(firefox), "Windows · Firefox");
        assert_eq!(label("curl/8.0"), "");
    }
}
