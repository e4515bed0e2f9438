//! Fetching pages and feeds over HTTP(S): rustls, timeouts, redirects, gzip, a size limit and a
//! user agent that says who is asking.

use super::ImportErrorKind;
use std::time::Duration;
use ureq::ResponseExt;

/// How pages are fetched.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Time allowed for the whole exchange (connecting, the answer and its body).
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// The User-Agent header.
    pub user_agent: String,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            timeout: Duration::from_secs(30),
            max_redirects: 10,
            user_agent: format!(
                "juxta/{} (news comparison reader; +https://crates.io/crates/juxta)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// A fetched response.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The address after redirects.
    pub url: String,
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// The media type, lower case, without parameters (`text/html`).
    pub mime: Option<String>,
    /// The charset the Content-Type header names.
    pub charset: Option<String>,
}

/// Fetches `url`, refusing bodies over `max_bytes`.
pub fn fetch(url: &str, http: &HttpOptions, max_bytes: u64) -> Result<Fetched, ImportErrorKind> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(ImportErrorKind::BadUrl(
            "only http:// and https:// addresses are fetched".into(),
        ));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(http.timeout))
        .max_redirects(http.max_redirects)
        .user_agent(http.user_agent.as_str())
        .accept("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
        .http_status_as_error(false)
        .build()
        .into();
    let secs = http.timeout.as_secs().max(1);
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| classify(e, secs, max_bytes))?;
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(ImportErrorKind::HttpStatus(status));
    }
    let final_url = response.get_uri().to_string();
    let body = response.body_mut();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_string);
    let bytes = body
        .with_config()
        .limit(max_bytes)
        .read_to_vec()
        .map_err(|e| classify(e, secs, max_bytes))?;
    Ok(Fetched {
        url: final_url,
        body: bytes,
        mime,
        charset,
    })
}

fn classify(e: ureq::Error, secs: u64, max_bytes: u64) -> ImportErrorKind {
    use ureq::Error::*;
    match e {
        StatusCode(code) => ImportErrorKind::HttpStatus(code),
        Timeout(_) => ImportErrorKind::Timeout(secs),
        BodyExceedsLimit(_) => ImportErrorKind::DownloadTooLarge(max_bytes),
        HostNotFound => ImportErrorKind::Unreachable("host not found".into()),
        ConnectionFailed => ImportErrorKind::Unreachable("connection refused".into()),
        TooManyRedirects => ImportErrorKind::Unreachable("too many redirects".into()),
        RedirectFailed => ImportErrorKind::Unreachable("a redirect could not be followed".into()),
        BadUri(why) => ImportErrorKind::BadUrl(why),
        Io(io) if io.kind() == std::io::ErrorKind::TimedOut => ImportErrorKind::Timeout(secs),
        Io(io) => ImportErrorKind::Unreachable(super::io_reason(&io)),
        Decompress(_, io) => {
            ImportErrorKind::Unreachable(format!("a damaged compressed answer: {io}"))
        }
        other => ImportErrorKind::Unreachable(other.to_string()),
    }
}

/// An address in the form used to recognise the same article: scheme and host in lower case,
/// no `www.`, no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`), no trailing
/// slash, `http` and `https` alike.
pub fn canonical_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let (scheme_host, rest) = match url.split_once("://") {
        Some((scheme, rest)) => {
            let scheme = scheme.to_ascii_lowercase();
            let scheme = if scheme == "http" {
                "https".to_string()
            } else {
                scheme
            };
            let (host, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
            let host = host.to_ascii_lowercase();
            let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
            (format!("{scheme}://{host}"), path.to_string())
        }
        None => (String::new(), url.to_string()),
    };
    let (path, query) = rest.split_once('?').unwrap_or((&rest, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !p.is_empty() && !key.starts_with("utm_") && key != "fbclid" && key != "gclid"
        })
        .collect();
    let path = path.trim_end_matches('/');
    if kept.is_empty() {
        format!("{scheme_host}{path}")
    } else {
        format!("{scheme_host}{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::canonical_url;

    #[test]
    fn canonical_urls_ignore_what_does_not_name_the_page() {
        let a = canonical_url("https://www.Example.org/news/port/?utm_source=x&id=4#top");
        assert_eq!(a, "https://example.org/news/port?id=4");
        assert_eq!(canonical_url("http://example.org/news/port?id=4"), a);
        assert_ne!(canonical_url("https://example.org/news/port?id=5"), a);
    }
}
