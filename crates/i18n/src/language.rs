//! Which language and which locale's formats: the workstation's locale,
//! the choice on the login panel, or the organisation's pin.

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use super::Grouping;

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    English,
    Hindi,
    Arabic,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::English, Language::Hindi, Language::Arabic];

    /// The BCP 47 code, as the `Language` policy and `--language` take it
    /// and Capillary's `language` header is sent.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Hindi => "hi",
            Language::Arabic => "ar",
        }
    }

    /// The language's own name for itself, as the login panel lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Hindi => "हिन्दी",
            Language::Arabic => "العربية",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()?
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn right_to_left(self) -> bool {
        self == Language::Arabic
    }

    pub(super) fn identifier(self) -> LanguageIdentifier {
        // The codes are valid subtags; the default ("und") is never used.
        self.code().parse().unwrap_or_default()
    }
}

/// The login panel's language setting: follow the workstation's locale
/// (the default) or one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LanguageChoice {
    #[default]
    Workstation,
    Language(Language),
}

/// A language and the region its numbers and dates are written for
/// (`en-IN` groups `1,23,456`; `en-US` puts the month first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    pub language: Language,
    /// Upper-case region code (`IN`, `US`, `AE`), when known.
    pub region: Option<String>,
}

impl Default for Locale {
    fn default() -> Self {
        Self::new(Language::English, None)
    }
}

impl Locale {
    pub fn new(language: Language, region: Option<&str>) -> Self {
        Self {
            language,
            region: region.map(str::to_ascii_uppercase),
        }
    }

    /// A POSIX or BCP 47 locale name (`hi_IN.UTF-8`, `en-US`, `ar`);
    /// `None` for a language the UI does not speak (or `C`/`POSIX`).
    pub fn parse(name: &str) -> Option<Locale> {
        let name = name.split(['.', '@']).next()?;
        let language = Language::from_code(name)?;
        let region = name
            .split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()));
        Some(Locale::new(language, region))
    }

    /// The workstation's locale (`LC_ALL`/`LANG` on Linux, the user's
    /// locale on Windows and macOS), if the UI speaks its language.
    pub fn of_workstation() -> Option<Locale> {
        sys_locale::get_locales().find_map(|name| Locale::parse(&name))
    }

    /// The locale to use: the language pinned or chosen, with the
    /// workstation's region when it speaks that language (so `en_IN`
    /// keeps Indian grouping), else the language's usual one; English on
    /// a workstation whose language the UI does not speak.
    pub fn resolve(choice: LanguageChoice, workstation: Option<Locale>) -> Locale {
        match (choice, workstation) {
            (LanguageChoice::Workstation, Some(locale)) => locale,
            (LanguageChoice::Workstation, None) => Locale::default(),
            (LanguageChoice::Language(language), Some(locale)) if locale.language == language => {
                locale
            }
            (LanguageChoice::Language(Language::Hindi), _) => {
                Locale::new(Language::Hindi, Some("IN"))
            }
            (LanguageChoice::Language(language), _) => Locale::new(language, None),
        }
    }

    /// How thousands are grouped: Indian (lakh, crore) for India.
    pub fn grouping(&self) -> Grouping {
        if self.region.as_deref() == Some("IN") || self.language == Language::Hindi {
            Grouping::Indian
        } else {
            Grouping::Thousands
        }
    }

    /// True where dates are written month first (the United States).
    pub fn month_first(&self) -> bool {
        self.language == Language::English && self.region.as_deref() == Some("US")
    }

    /// `hi-IN`, `en`: the tag for Capillary's `language` header and logs.
    pub fn tag(&self) -> String {
        match &self.region {
            Some(region) => format!("{}-{region}", self.language.code()),
            None => self.language.code().to_owned(),
        }
    }
}
