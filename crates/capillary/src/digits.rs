//! Identifiers as people write them: digits from the customer's own script
//! (Arabic-Indic, Persian, Devanagari, Bengali, Tamil, Thai, fullwidth…) and
//! the invisible characters that phones and messaging apps put around a
//! number (direction marks, zero-width spaces, a byte-order mark). Capillary
//! stores identifiers with ASCII digits, so everything is looked up that way.

/// The zero of each run of ten decimal digits (Unicode's `Nd`) that store
/// staff and customers in Capillary's markets may type or paste, beyond
/// ASCII. Each run is contiguous: zero, one, … nine.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, // Arabic-Indic
    0x06F0, // Extended Arabic-Indic (Persian, Urdu)
    0x07C0, // NKo
    0x0966, // Devanagari
    0x09E6, // Bengali
    0x0A66, // Gurmukhi
    0x0AE6, // Gujarati
    0x0B66, // Oriya
    0x0BE6, // Tamil
    0x0C66, // Telugu
    0x0CE6, // Kannada
    0x0D66, // Malayalam
    0x0DE6, // Sinhala Lith
    0x0E50, // Thai
    0x0ED0, // Lao
    0x0F20, // Tibetan
    0x1040, // Myanmar
    0x1090, // Myanmar Shan
    0x17E0, // Khmer
    0x1810, // Mongolian
    0x1946, // Limbu
    0x19D0, // New Tai Lue
    0x1B50, // Balinese
    0x1BB0, // Sundanese
    0x1C40, // Lepcha
    0x1C50, // Ol Chiki
    0xA620, // Vai
    0xA8D0, // Saurashtra
    0xA900, // Kayah Li
    0xA9D0, // Javanese
    0xA9F0, // Myanmar Tai Laing
    0xAA50, // Cham
    0xABF0, // Meetei Mayek
    0xFF10, // Fullwidth (CJK input methods)
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, // mathematical digits
];

/// The ASCII digit for a decimal digit of any listed script.
pub fn ascii_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let code = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|zero| char::from_digit(code - zero, 10))
}

/// Characters that take no space and carry no meaning in an identifier:
/// direction marks and embeddings (a number pasted from Arabic text comes
/// wrapped in them), zero-width spaces and joiners, the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                      // soft hyphen
        | '\u{061C}'                    // Arabic letter mark
        | '\u{180E}'                    // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'       // zero-width space, joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidi isolates
        | '\u{FEFF}' // byte-order mark, zero-width no-break space
    )
}

/// What people put between the digits of a phone number: spaces of any
/// width, dashes of any length, dots, slashes and brackets.
pub fn is_phone_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '/' | '(' | ')' | '[' | ']' | '\u{2010}'
                ..='\u{2015}' // hyphens and dashes
                | '\u{2212}' // minus sign
                | '\u{30FC}' // katakana prolonged sound mark, typed as a dash
                | '\u{FE63}'
                | '\u{FF08}' // fullwidth (
                | '\u{FF09}' // fullwidth )
                | '\u{FF0D}' // fullwidth -
                | '\u{FF0E}' // fullwidth .
        )
}

/// `text` with every listed digit made ASCII and the invisible characters
/// dropped; everything else as it was.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| ascii_digit(c).unwrap_or(c))
        .collect()
}

/// `text` with only the invisible characters dropped (for emails, whose
/// characters are the customer's own).
pub fn without_invisibles(text: &str) -> String {
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_run_is_ten_decimal_digits_in_order() {
        for &zero in DIGIT_ZEROS {
            for n in 0..10 {
                let c = char::from_u32(zero + n).unwrap_or_else(|| panic!("{zero:X}+{n}"));
                assert!(c.is_numeric(), "U+{:X} is not a digit", zero + n);
                assert_eq!(ascii_digit(c), char::from_digit(n, 10), "U+{:X}", zero + n);
            }
        }
    }

    #[test]
    fn digits_as_people_write_them() {
        let table = [
            ("٩١٩٨٠٠٠٠٠٠٠١", "919800000001"),     // Arabic-Indic
            ("۹۱۹۸۰۰۰۰۰۰۰۱", "919800000001"),     // Persian
            ("९१९८००००००", "9198000000"),         // Devanagari
            ("௯௧௯௮", "9198"),                     // Tamil
            ("৯১৯৮", "9198"),                     // Bengali
            ("๙๑๙๘", "9198"),                     // Thai
            ("９１９８", "9198"),                 // fullwidth
            ("\u{202A}+91 98\u{202C}", "+91 98"), // wrapped in an embedding
            ("\u{200E}919\u{200B}8\u{FEFF}", "9198"),
            ("DEMO٠٠٠١", "DEMO0001"),
            ("already 123", "already 123"),
            ("ليلى", "ليلى"), // letters are left alone
        ];
        for (typed, looked_up) in table {
            assert_eq!(normalise(typed), looked_up, "{typed:?}");
        }
    }

    #[test]
    fn separators_and_invisibles() {
        for c in [
            ' ', '\u{A0}', '\u{202F}', '\u{2009}', '-', '\u{2013}', '(', '\u{FF09}', '.',
        ] {
            assert!(is_phone_separator(c), "U+{:04X}", u32::from(c));
        }
        for c in ['0', 'a', '+', '@', '٣'] {
            assert!(!is_phone_separator(c), "{c}");
        }
        assert_eq!(
            without_invisibles("\u{200F}asha@example.com\u{200E}"),
            "asha@example.com"
        );
        assert_eq!(without_invisibles("a٣@b.c"), "a٣@b.c", "email digits stay");
    }
}
