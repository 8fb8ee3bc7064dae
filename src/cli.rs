//! The command line.

use crate::doctor::DoctorArgs;
use clap::{Parser, Subcommand};

/// Look up a Capillary customer by mobile, email or loyalty card and see their photo.
///
/// With no configuration it opens on the built-in demo tenant.
#[derive(Debug, Parser)]
#[command(name = "customer-lookup", version, about, long_about = None)]
pub struct Cli {
    /// Open on the built-in demo tenant, demo credentials filled in
    #[arg(long, conflicts_with = "host")]
    pub demo: bool,
    /// Pre-fill the login panel's host (a cluster URL or any https:// URL)
    #[arg(long, env = "CUSTOMER_LOOKUP_HOST", value_name = "URL")]
    pub host: Option<String>,
    /// Pre-fill the login panel's username
    #[arg(long, env = "CUSTOMER_LOOKUP_USER", value_name = "NAME")]
    pub user: Option<String>,
    /// Lock the screen after this many seconds without input (0: never; default 300)
    #[arg(long, value_name = "SECONDS")]
    pub lock_after: Option<u64>,
    /// The store's country calling code: a 10-digit local mobile number is
    /// also tried with it (e.g. 91); saved for next time ("" clears it)
    #[arg(long, env = "CUSTOMER_LOOKUP_COUNTRY_CODE", value_name = "DIGITS", value_parser = country_code)]
    pub country_code: Option<String>,
    /// Whether staff may take, replace and remove customers' photos on this
    /// workstation; saved for next time (the organisation's policy wins)
    #[arg(long, value_name = "on|off", value_parser = on_off)]
    pub photo_changes: Option<bool>,
    /// Whether staff may enrol new customers at the counter (Ctrl+N); saved
    /// for next time (the organisation's policy wins)
    #[arg(long, value_name = "on|off", value_parser = on_off)]
    pub enrolment: Option<bool>,
    /// The UI's language: en, hi, ar, or auto for the workstation's locale;
    /// saved for next time (the organisation's policy wins)
    #[arg(long, value_name = "en|hi|ar|auto", value_parser = language)]
    pub language: Option<crate::i18n::LanguageChoice>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a workstation's setup: host, credentials, a lookup and the photo
    Doctor(DoctorArgs),
    /// Replace or remove a customer's photo (for IT and scripts)
    #[command(subcommand)]
    Photo(crate::photo_cli::PhotoCommand),
}

/// A country calling code: 1 to 3 digits (a leading + is dropped), or
/// empty for none.
fn country_code(text: &str) -> Result<String, String> {
    let digits = text.trim().trim_start_matches('+');
    if digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits.to_owned())
    } else {
        Err("a country calling code is 1 to 3 digits, like 91 or 44".to_owned())
    }
}

/// A language code the UI speaks, or `auto` for the workstation's.
fn language(text: &str) -> Result<crate::i18n::LanguageChoice, String> {
    use crate::i18n::{Language, LanguageChoice};
    if text.trim().eq_ignore_ascii_case("auto") {
        return Ok(LanguageChoice::Workstation);
    }
    Language::from_code(text.trim())
        .map(LanguageChoice::Language)
        .ok_or_else(|| "the languages are en, hi and ar (or auto)".to_owned())
}

/// `on` or `off` (also yes/no, true/false, 1/0).
fn on_off(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "on" | "yes" | "true" | "1" => Ok(true),
        "off" | "no" | "false" | "0" => Ok(false),
        _ => Err("say on or off".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workstation_switches_take_on_and_off() {
        let cli = Cli::try_parse_from(["customer-lookup", "--enrolment", "off"]).unwrap();
        assert_eq!(cli.enrolment, Some(false));
        assert_eq!(cli.photo_changes, None);
        let cli = Cli::try_parse_from(["customer-lookup", "--photo-changes", "ON"]).unwrap();
        assert_eq!(cli.photo_changes, Some(true));
        assert!(Cli::try_parse_from(["customer-lookup", "--enrolment", "maybe"]).is_err());
        let cli = Cli::try_parse_from(["customer-lookup", "--language", "hi"]).unwrap();
        assert_eq!(
            cli.language,
            Some(crate::i18n::LanguageChoice::Language(
                crate::i18n::Language::Hindi
            ))
        );
        let cli = Cli::try_parse_from(["customer-lookup", "--language", "auto"]).unwrap();
        assert_eq!(cli.language, Some(crate::i18n::LanguageChoice::Workstation));
        assert!(Cli::try_parse_from(["customer-lookup", "--language", "fr"]).is_err());
    }
}
