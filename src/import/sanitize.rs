//! Text sanitizing: whatever a file contains, the stored text can never drive the terminal.

use unicode_normalization::UnicodeNormalization;

/// Cleans raw file text: drops the BOM, turns CRLF and lone CR into LF, removes terminal escape
/// sequences (CSI, OSC, DCS … as whole sequences, so no "[31m" debris stays behind), every other
/// control character and the bidi overrides, expands tabs to `tab_width` columns, trims trailing
/// white space on each line and normalizes to Unicode NFC.
pub fn sanitize(raw: &str, tab_width: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    let mut column = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\u{FEFF}' => {}
            '\r' => {
                if chars.peek() != Some(&'\n') {
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
    }
    trim_line_ends(&mut out);
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

fn push_newline(out: &mut String, column: &mut usize) {
    out.push('\n');
    *column = 0;
}

/// Bidi embeddings, overrides and isolates can reorder what the terminal shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC: a CSI, a string command (OSC, DCS, SOS, PM, APC) or a short
/// two- or three-character sequence.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
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
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        if matches!(c, '0'..='?' | ' '..='/') {
            chars.next();
        } else {
            if matches!(c, '@'..='~') {
                chars.next();
            }
            return;
        }
    }
}

/// Skips a string command up to BEL or ST (ESC \ or U+9C). An unterminated one runs to the end
/// of the line, so a stray OSC cannot swallow the rest of an article.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                chars.next();
                chars.next_if_eq(&'\\');
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

    #[test]
    fn composes_to_nfc() {
        assert_eq!(sanitize("Ine\u{0302}s", 4), "Inês");
    }
}
