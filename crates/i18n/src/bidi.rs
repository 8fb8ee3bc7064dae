//! Right-to-left customer text in the order egui can draw it.
//!
//! egui 0.37 shapes each run of one font with HarfBuzz's rules (harfrust),
//! so an Arabic or Hebrew *word* comes out right, letters joined and
//! ordered right to left. It has no Unicode bidirectional algorithm, so the
//! runs themselves (the words, and the spaces between them) are laid out
//! left to right: `ليلى حداد` ("Layla Haddad") reads as "Haddad Layla".
//!
//! [`display_order`] runs the bidi algorithm (`unicode-bidi`) over a line
//! and, inside each right-to-left level run, reverses the order of the
//! *words and separators*, never the letters of a word, which egui's
//! shaping already orders. The result is only for drawing: the screen
//! reader, copying and every comparison keep the text as it came (logical
//! order). A test compares egui's glyph order with HarfBuzz's `hb-shape`
//! on the same fonts, so the day egui reorders by itself this fails rather
//! than reversing names twice.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// `text` rearranged so that egui, drawing its runs left to right, shows
/// it in Unicode's display order. Text with nothing right to left in it is
/// returned as it is, without a copy.
pub fn display_order(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_strong_right_to_left) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<String> = text.split('\n').map(line_in_display_order).collect();
    Cow::Owned(lines.join("\n"))
}

/// True when the text's first strong letter is right to left, as the bidi
/// algorithm decides a paragraph's direction (rule P2): such a line is
/// aligned to the right.
pub fn is_right_to_left(text: &str) -> bool {
    text.chars()
        .map(bidi_class)
        .find(|class| matches!(class, BidiClass::L | BidiClass::R | BidiClass::AL))
        .is_some_and(|class| class != BidiClass::L)
}

fn is_strong_right_to_left(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN)
}

/// One line (no `\n`): visual runs from the bidi algorithm, each right to
/// left run with its words in reverse order.
fn line_in_display_order(line: &str) -> String {
    let info = BidiInfo::new(line, None);
    let Some(paragraph) = info.paragraphs.first() else {
        return line.to_owned();
    };
    let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
    let mut out = String::with_capacity(line.len());
    for run in runs {
        let text = &line[run.clone()];
        if levels[run.start].is_rtl() {
            for word in words(text).into_iter().rev() {
                match mirrored(word) {
                    Some(mirror) => out.push(mirror),
                    None => out.push_str(word),
                }
            }
        } else {
            out.push_str(text);
        }
    }
    out
}

/// The pieces egui shapes as one run inside right-to-left text: a word of
/// a right-to-left script with its combining marks and joiners (one font,
/// shaped together), or any other single character (a space, a hyphen),
/// which egui draws from its own font.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        if joins_word(c) {
            start.get_or_insert(at);
            continue;
        }
        if let Some(word_start) = start.take() {
            words.push(&text[word_start..at]);
        }
        words.push(&text[at..at + c.len_utf8()]);
    }
    if let Some(word_start) = start {
        words.push(&text[word_start..]);
    }
    words
}

/// A bracket drawn in a right-to-left run is its mirror image (Unicode's
/// Bidi_Mirrored property, rule L4), so "(" opens on the right.
fn mirrored(word: &str) -> Option<char> {
    let mut chars = word.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let pairs = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
    ];
    pairs.iter().find_map(|&(open, close)| match c {
        _ if c == open => Some(close),
        _ if c == close => Some(open),
        _ => None,
    })
}

/// Letters of a right-to-left script, Arabic digits, combining marks and
/// the zero-width joiners Arabic uses all belong to the word around them;
/// so does Arabic punctuation (the comma `،`, `؛`, `؟`, `۔`), which the
/// Arabic font has and egui shapes together with the word it touches.
fn joins_word(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::R | BidiClass::AL | BidiClass::AN | BidiClass::NSM
    ) || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0600}'..='\u{06FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_are_put_in_display_order() {
        assert_eq!(display_order("ليلى حداد"), "حداد ليلى");
        assert_eq!(display_order("يوسف عبد الله"), "الله عبد يوسف");
        // The letters of each word keep their order (egui shapes them).
        assert_eq!(display_order("حداد"), "حداد");
    }

    #[test]
    fn hebrew_reads_right_to_left_too() {
        assert_eq!(display_order("דוד לוי"), "לוי דוד");
    }

    #[test]
    fn separators_move_with_the_words() {
        assert_eq!(display_order("ليلى-حداد"), "حداد-ليلى");
        assert_eq!(display_order("ليلى  حداد"), "حداد  ليلى");
        // A mark stays on its letter.
        assert_eq!(display_order("مُحَمَّد علي"), "علي مُحَمَّد");
    }

    #[test]
    fn left_to_right_text_is_not_copied() {
        for text in [
            "Asha Rao",
            "प्रिया शर्मा",
            "陈 美玲",
            "கார்த்திக்",
            "",
            "919800000005",
        ] {
            assert!(matches!(display_order(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn mixed_lines_follow_the_bidi_algorithm() {
        // A left-to-right line with an Arabic name inside it.
        assert_eq!(display_order("Layla ليلى حداد"), "Layla حداد ليلى");
        // A right-to-left line with a Latin word: the Latin run is read
        // last, so it is drawn leftmost, and keeps its own letter order.
        assert_eq!(display_order("ليلى Smith"), "Smith ليلى");
        // Digits inside Arabic text stay in their own order.
        assert_eq!(display_order("شارع 12"), "12 شارع");
    }

    #[test]
    fn brackets_in_right_to_left_runs_are_mirrored() {
        // Read right to left: "(", the two words, ")"; drawn left to right
        // the first glyph is the closing one's mirror.
        assert_eq!(display_order("(أساسي موثّق)"), "(موثّق أساسي)");
        assert_eq!(display_order("Asha (Rao)"), "Asha (Rao)");
    }

    #[test]
    fn arabic_punctuation_stays_with_its_word() {
        // egui shapes "أساسي،" as one run, which puts the comma on its left.
        assert_eq!(display_order("أساسي، موثّق"), "موثّق أساسي،");
    }

    #[test]
    fn each_line_is_ordered_on_its_own() {
        assert_eq!(display_order("ليلى حداد\nAsha"), "حداد ليلى\nAsha");
    }

    #[test]
    fn direction_is_the_first_strong_letter() {
        assert!(is_right_to_left("ليلى حداد"));
        assert!(is_right_to_left("  12 ליאור"));
        assert!(!is_right_to_left("Asha ليلى"));
        assert!(!is_right_to_left("प्रिया शर्मा"));
        assert!(!is_right_to_left("1234"));
    }
}
