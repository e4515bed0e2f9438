//! Terminal safety: whatever a file contains, the stored text can never drive the terminal.
//! Import sanitizes text once ([`sanitize`]); the front ends check again what they print
//! ([`printable_text`], [`printable_line`], [`escape_unprintable`]), since a store can be
//! edited by hand.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Cleans raw file text: drops the BOM, turns CRLF and lone CR into LF, removes terminal escape
/// sequences (CSI, OSC, DCS … as whole sequences, so no "[31m" debris stays behind), every other
/// control character and the bidi overrides, expands tabs to `tab_width` columns, trims trailing
/// white space on each line and normalizes to Unicode NFC.
pub fn sanitize(raw: &str, tab_width: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut column = 0usize;
    let mut rest = raw;
    while !rest.is_empty() {
        // Printable ASCII needs no decision: copy it a run at a time.
        let plain = printable_ascii_run(rest.as_bytes());
        if plain > 0 {
            out.push_str(&rest[..plain]);
            column += plain;
            rest = &rest[plain..];
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        match c {
            '\u{FEFF}' => {}
            '\r' => {
                if peek(&chars) != Some('\n') {
                    push_newline(&mut out, &mut column);
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => push_newline(&mut out, &mut column),
            '\t' => {
                let width = tab_width.max(1);
                let spaces = width - column % width;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9D}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            c if c.is_control() || is_bidi_control(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
        rest = chars.as_str();
    }
    trim_line_ends(&mut out);
    // Most text is already NFC; the quick check avoids rebuilding it.
    if out.is_ascii()
        || unicode_normalization::is_nfc_quick(out.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        out
    } else {
        out.nfc().collect()
    }
}

/// How many bytes at the start of `bytes` are printable ASCII (0x20–0x7E), looked at eight
/// at a time: the bulk of every article is.
fn printable_ascii_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A high bit for each byte below 0x20 (after the first such byte, borrows may mark
        // others, but a word with none has no mark), and exactly for each byte of 0x7F or above
        // (the low seven bits plus one carry into the high bit only from 0x7F).
        let low = x.wrapping_sub(ONES * 0x20) & !x;
        let high = x | ((x & !HIGHS) + ONES);
        if (low | high) & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|b| !(0x20..0x7F).contains(b))
        .unwrap_or(bytes.len() - i)
}

fn push_newline(out: &mut String, column: &mut usize) {
    out.push('\n');
    *column = 0;
}

/// Whether a character must not be sent to a terminal: control characters (ESC, BEL, C1…) and
/// the bidi overrides and isolates.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// `s` with each unprintable character written as an escape (`\u{1b}`), for names that must
/// stay recognisable, such as a file path with an escape sequence in it.
pub fn escape_unprintable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unprintable(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// `s` with each unprintable character replaced by U+FFFD, one for one, so that what is drawn
/// keeps a visible mark where something was and the columns of the rest do not move.
pub fn replace_unprintable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unprintable(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Stored text as it may be printed: without control characters and escape sequences (line
/// breaks kept).
pub fn printable_text(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| c == '\n' || !is_unprintable(c)) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(sanitize(text, 4))
    }
}

/// A metadata value as one printable line.
pub fn printable_line(value: &str) -> Cow<'_, str> {
    if !value.chars().any(is_unprintable) {
        Cow::Borrowed(value)
    } else {
        let clean = sanitize(value, 4);
        Cow::Owned(clean.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Bidi embeddings, overrides and isolates can reorder what the terminal shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

type Chars<'a> = std::str::Chars<'a>;

fn peek(chars: &Chars<'_>) -> Option<char> {
    chars.as_str().chars().next()
}

/// Consumes the next character if `pred` accepts it.
fn next_if(chars: &mut Chars<'_>, pred: impl Fn(char) -> bool) -> bool {
    match peek(chars) {
        Some(c) if pred(c) => {
            chars.next();
            true
        }
        _ => false,
    }
}

/// Skips what follows an ESC: a CSI, a string command (OSC, DCS, SOS, PM, APC) or a short
/// two- or three-character sequence.
fn skip_escape(chars: &mut Chars<'_>) {
    match peek(chars) {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // nF sequences: intermediate bytes then one final byte ("ESC ( B").
        Some(' '..='/') => {
            while next_if(chars, |c| matches!(c, ' '..='/')) {}
            next_if(chars, |c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while next_if(chars, |c| matches!(c, '0'..='?' | ' '..='/')) {}
    next_if(chars, |c| matches!(c, '@'..='~'));
}

/// Skips a string command up to BEL or ST (ESC \ or U+9C). An unterminated one runs to the end
/// of the line, so a stray OSC cannot swallow the rest of an article.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = peek(chars) {
        match c {
            '\u{7}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                chars.next();
                next_if(chars, |c| c == '\\');
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

fn trim_line_ends(text: &mut String) {
    if !text.contains(" \n") && !text.ends_with(' ') {
        return;
    }
    let trimmed: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    *text = trimmed.join("\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_whole() {
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m b", 4), "ared b");
        assert_eq!(sanitize("x\x1b]0;title\x07y", 4), "xy");
        assert_eq!(
            sanitize("x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\y", 4),
            "xlinky"
        );
        assert_eq!(sanitize("x\u{9b}2Jy", 4), "xy");
        assert_eq!(sanitize("x\x1b(By\x1bcz", 4), "xyz");
    }

    #[test]
    fn a_printable_run_ends_at_the_first_other_byte_wherever_it_is() {
        for b in 0u8..=255 {
            for at in 0..20 {
                let mut bytes = b"abcdefghijklmnopqrstuvw".to_vec();
                bytes.insert(at, b);
                let expected = if (0x20..0x7F).contains(&b) {
                    bytes.len()
                } else {
                    at
                };
                assert_eq!(printable_ascii_run(&bytes), expected, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn removes_controls_and_bidi_but_keeps_text() {
        assert_eq!(sanitize("a\x07b\x00c\x7fd\u{202E}e\u{85}f", 4), "abcde\nf");
        assert_eq!(sanitize("👨‍👩‍👧 東京", 4), "👨‍👩‍👧 東京");
    }

    #[test]
    fn normalizes_line_ends_bom_and_tabs() {
        assert_eq!(
            sanitize("\u{FEFF}one\r\ntwo\rthree  \n", 4),
            "one\ntwo\nthree\n"
        );
        assert_eq!(sanitize("a\tb\n\tc", 4), "a   b\n    c");
    }

    /// Each line loses its trailing white space of any kind (not only spaces) and keeps
    /// everything before it.
    #[test]
    fn line_ends_are_trimmed_of_any_white_space() {
        assert_eq!(
            sanitize(
                "Ana spoke  \nin Lyon\u{3000} \n\n\u{a0}Då \u{2003}\n  \nend ",
                4
            ),
            "Ana spoke\nin Lyon\n\n\u{a0}Då\n\nend"
        );
        assert_eq!(sanitize("x \n", 4), "x\n");
        assert_eq!(sanitize(" \n \n", 4), "\n\n");
        assert_eq!(sanitize("東京 \n", 4), "東京\n");
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(sanitize("Ine\u{0302}s", 4), "Inês");
    }
}
