//! The caller's network address, for per-address login limits. Forwarded headers are only
//! believed when the request came from the configured trusted proxy: anyone can write them.

use std::net::IpAddr;

use axum::http::HeaderMap;

/// The address to count attempts against: the peer, or the proxy's last `X-Forwarded-For`
/// entry when the peer is the trusted proxy (the entry the proxy itself added).
#[must_use]
pub fn client_address(
    headers: &HeaderMap,
    peer: Option<IpAddr>,
    trusted_proxy: Option<IpAddr>,
) -> String {
    let forwarded = || {
        headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .filter_map(|entry| entry.trim().parse::<IpAddr>().ok())
            .next_back()
    };
    match peer {
        Some(peer) if Some(peer) == trusted_proxy => forwarded().unwrap_or(peer).to_string(),
        Some(peer) => peer.to_string(),
        None => "unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", forwarded.parse().expect("header"));
        headers
    }

    #[test]
    fn forwarded_headers_count_only_from_the_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().expect("ip");
        let stranger: IpAddr = "203.0.113.9".parse().expect("ip");
        let spoofed = headers("1.2.3.4, 198.51.100.7");
        assert_eq!(client_address(&spoofed, Some(proxy), Some(proxy)), "198.51.100.7");
        assert_eq!(client_address(&spoofed, Some(stranger), Some(proxy)), "203.0.113.9");
        assert_eq!(client_address(&spoofed, Some(stranger), None), "203.0.113.9");
        assert_eq!(client_address(&HeaderMap::new(), Some(proxy), Some(proxy)), "10.0.0.1");
    }
}
