// Folding a word to its match key. The build script includes this file too (`include!`),
// so the word tables it makes hold the keys the crate looks up: keep it free of crate paths.

/// Whether `c` is an apostrophe in any of its typographic forms.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// Appends the match key of a word to `out`: lowercase, diacritics removed, apostrophes
/// straightened, so "Inês" = "ines" and "Halvorsen’s" = "halvorsen's".
pub fn fold_into(word: &str, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}
