//! Which Capillary server to talk to: the known clusters by name, or a URL
//! typed by whoever sets up the workstation.
//!
//! Real Capillary hosts are HTTPS. Plain `http://` is accepted only for a
//! loopback address (the built-in demo tenant or a local test server), so a
//! typo can never send till credentials across a store network in clear text.

use std::fmt;
use std::net::IpAddr;
use url::{Host, Url};

/// A Capillary cluster whose API host is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cluster {
    India,
    IndiaIntouch,
    Asia2,
    SouthEastAsia,
    Europe,
    UnitedStates,
    UnitedStatesHc,
    NorthAmerica,
    China,
}

impl Cluster {
    /// Every known cluster, in the order a picker shows them.
    pub const ALL: [Cluster; 9] = [
        Cluster::India,
        Cluster::IndiaIntouch,
        Cluster::Asia2,
        Cluster::SouthEastAsia,
        Cluster::Europe,
        Cluster::UnitedStates,
        Cluster::UnitedStatesHc,
        Cluster::NorthAmerica,
        Cluster::China,
    ];

    /// A name a person recognises.
    pub fn label(self) -> &'static str {
        match self {
            Cluster::India => "India / Asia",
            Cluster::IndiaIntouch => "India / Asia (intouch)",
            Cluster::Asia2 => "Asia 2",
            Cluster::SouthEastAsia => "South-East Asia",
            Cluster::Europe => "Europe",
            Cluster::UnitedStates => "United States",
            Cluster::UnitedStatesHc => "United States (HC)",
            Cluster::NorthAmerica => "North America",
            Cluster::China => "China",
        }
    }

    /// The API base URL.
    pub fn url(self) -> &'static str {
        match self {
            Cluster::India => "https://apac.api.capillarytech.com",
            Cluster::IndiaIntouch => "https://apac.api.intouch.capillarytech.com",
            Cluster::Asia2 => "https://apac2.api.capillarytech.com",
            Cluster::SouthEastAsia => "https://sea.api.capillarytech.com",
            Cluster::Europe => "https://eu.api.capillarytech.com",
            Cluster::UnitedStates => "https://us.api.capillarytech.com",
            Cluster::UnitedStatesHc => "https://ushc.api.capillarytech.com",
            Cluster::NorthAmerica => "https://north-america.api.capillarytech.com",
            Cluster::China => "https://api.capillarytech.cn.com",
        }
    }

    /// The cluster whose URL this is, if any.
    pub fn from_url(url: &str) -> Option<Cluster> {
        let wanted = url.trim().trim_end_matches('/');
        Cluster::ALL.into_iter().find(|c| c.url() == wanted)
    }
}

/// Why a host was refused before any request was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    Empty,
    Invalid(String),
    NotHttps,
    UnsupportedScheme,
    HasExtras,
}

impl HostError {
    /// In the UI's language (`Display` is English, for logs).
    pub fn words(&self, t: &i18n::Texts) -> String {
        match self {
            HostError::Empty => i18n::tr_text!(t, "host-empty"),
            HostError::Invalid(host) => i18n::tr_text!(t, "host-invalid", host = host.as_str()),
            HostError::NotHttps => i18n::tr_text!(t, "host-not-https"),
            HostError::UnsupportedScheme => i18n::tr_text!(t, "host-unsupported-scheme"),
            HostError::HasExtras => i18n::tr_text!(t, "host-has-extras"),
        }
    }
}

i18n::display_in_english!(HostError);

/// A validated API base URL: `https://host[:port]`, or `http://` on loopback.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiHost(Url);

impl ApiHost {
    /// Checks what a person typed. A missing scheme means `https://`.
    pub fn parse(input: &str) -> Result<ApiHost, HostError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(HostError::Empty);
        }
        let with_scheme = if trimmed.contains("://") {
            trimmed.to_owned()
        } else {
            format!("https://{trimmed}")
        };
        let url = Url::parse(&with_scheme).map_err(|_| HostError::Invalid(trimmed.to_owned()))?;
        let host = url
            .host()
            .ok_or_else(|| HostError::Invalid(trimmed.to_owned()))?;
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&host) => {}
            "http" => return Err(HostError::NotHttps),
            _ => return Err(HostError::UnsupportedScheme),
        }
        let extras = !url.username().is_empty()
            || url.password().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
            || !matches!(url.path(), "" | "/");
        if extras {
            return Err(HostError::HasExtras);
        }
        Ok(ApiHost(url))
    }

    /// The base URL, ending in `/`.
    pub fn url(&self) -> &Url {
        &self.0
    }

    /// An absolute URL for an API path such as `/v2/customers/1`.
    pub fn join(&self, path: &str) -> Url {
        let mut url = self.0.clone();
        url.set_path(path);
        url
    }

    /// `host[:port]`, for status bars and messages.
    pub fn authority(&self) -> String {
        match (self.0.host_str(), self.0.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_owned(),
            _ => String::new(),
        }
    }

    /// True for 127.0.0.0/8, ::1 and localhost.
    pub fn is_loopback(&self) -> bool {
        self.0.host().is_some_and(|h| is_loopback(&h))
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

impl fmt::Display for ApiHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str().trim_end_matches('/'))
    }
}

impl fmt::Debug for ApiHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiHost({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_clusters_are_https_and_parse() {
        for cluster in Cluster::ALL {
            let host = ApiHost::parse(cluster.url()).unwrap();
            assert_eq!(host.to_string(), cluster.url());
            assert_eq!(Cluster::from_url(&host.to_string()), Some(cluster));
        }
    }

    #[test]
    fn missing_scheme_means_https() {
        let host = ApiHost::parse("  eu.api.capillarytech.com/ ").unwrap();
        assert_eq!(host.to_string(), "https://eu.api.capillarytech.com");
    }

    #[test]
    fn http_only_on_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.5.6.7",
            "http://localhost:3000",
            "http://[::1]:9000",
        ] {
            assert!(ApiHost::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://eu.api.capillarytech.com",
            "http://192.168.1.10",
            "http://10.0.0.1:8080",
            "http://localhost.evil.com",
        ] {
            assert_eq!(ApiHost::parse(bad), Err(HostError::NotHttps), "{bad}");
        }
    }

    #[test]
    fn refuses_junk_and_extras() {
        assert_eq!(ApiHost::parse("   "), Err(HostError::Empty));
        assert_eq!(
            ApiHost::parse("ftp://example.com"),
            Err(HostError::UnsupportedScheme)
        );
        assert!(matches!(
            ApiHost::parse("https://"),
            Err(HostError::Invalid(_))
        ));
        assert_eq!(
            ApiHost::parse("https://u:p@eu.api.capillarytech.com"),
            Err(HostError::HasExtras)
        );
        assert_eq!(
            ApiHost::parse("https://eu.api.capillarytech.com/v2?x=1"),
            Err(HostError::HasExtras)
        );
    }

    #[test]
    fn join_builds_api_urls() {
        let host = ApiHost::parse("http://127.0.0.1:4000").unwrap();
        assert_eq!(
            host.join("/v2/customers/5").as_str(),
            "http://127.0.0.1:4000/v2/customers/5"
        );
        assert_eq!(host.authority(), "127.0.0.1:4000");
        assert!(host.is_loopback());
    }
}
