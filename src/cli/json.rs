//! Pretty JSON written a piece at a time, byte for byte what `serde_json::to_writer_pretty`
//! makes of the whole list: the commands that print an archive's events or actors write them
//! as the store hands them over instead of gathering hundreds of megabytes first.

use crate::service::CHUNK;
use std::io::Write;

/// A pretty JSON array written to `out` an element at a time, through a buffer flushed every
/// [`crate::service::CHUNK`] bytes.
pub(super) struct ArrayWriter<'w, W: Write> {
    out: &'w mut W,
    buf: Vec<u8>,
    any: bool,
    failed: Option<std::io::Error>,
}

impl<'w, W: Write> ArrayWriter<'w, W> {
    pub(super) fn new(out: &'w mut W) -> Self {
        ArrayWriter {
            out,
            buf: Vec::with_capacity(CHUNK * 2),
            any: false,
            failed: None,
        }
    }

    /// Appends one element, which `write` puts in the buffer given whether it is the first;
    /// `false` once the output failed (the caller stops handing elements over).
    pub(super) fn push(&mut self, write: impl FnOnce(&mut Vec<u8>, bool)) -> bool {
        write(&mut self.buf, !self.any);
        self.any = true;
        if self.buf.len() >= CHUNK {
            if let Err(err) = self.out.write_all(&self.buf) {
                self.failed = Some(err);
                return false;
            }
            self.buf.clear();
        }
        true
    }

    /// Ends the array and its line, and flushes it; or returns the error that stopped it.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        if let Some(err) = self.failed {
            return Err(err);
        }
        close_array(&mut self.buf, self.any);
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }
}

/// Ends an array of pretty objects begun with `[\n  {` and continued with `,\n  {` (`[]`
/// when it holds none).
pub(super) fn close_array(out: &mut Vec<u8>, any: bool) {
    out.extend_from_slice(if any { b"\n]" } else { b"[]" });
}

/// Writes a list of strings as a pretty array whose key sits `indent` spaces deep.
pub(super) fn str_list(out: &mut Vec<u8>, items: &[String], indent: usize) {
    out.push(b'[');
    for (j, item) in items.iter().enumerate() {
        out.extend_from_slice(if j == 0 { b"\n" } else { b",\n" });
        out.resize(out.len() + indent + 2, b' ');
        json_str(out, item);
    }
    if !items.is_empty() {
        out.push(b'\n');
        out.resize(out.len() + indent, b' ');
    }
    out.push(b']');
}

/// Writes a JSON string as serde_json does: `"` and `\\` escaped, control characters as
/// `\n`, `\t`, … or `\u00XX`, everything else as it is. Plain runs are found eight bytes at a
/// time and copied whole.
pub(super) fn json_str(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `x` is below 0x20, a quotation mark or a backslash (the classic
    // "has a zero byte" tests; they never miss one, and a false alarm only sends the eight
    // bytes through the byte loop below).
    let needs = |x: u64| {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v;
        (x.wrapping_sub(ONES * 0x20) & !x
            | zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\'))))
            & HIGHS
            != 0
    };
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !needs(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let escape: Option<&[u8]> = match b {
                b'"' => Some(b"\\\""),
                b'\\' => Some(b"\\\\"),
                b'\n' => Some(b"\\n"),
                b'\r' => Some(b"\\r"),
                b'\t' => Some(b"\\t"),
                0x08 => Some(b"\\b"),
                0x0c => Some(b"\\f"),
                0..0x20 => Some(b""),
                _ => None,
            };
            if let Some(escape) = escape {
                out.extend_from_slice(&bytes[start..i]);
                if escape.is_empty() {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 0xf)],
                    ]);
                } else {
                    out.extend_from_slice(escape);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Appends `n` in decimal, as `write!` would, without the formatting machinery (an archive's
/// events and mentions carry millions of numbers).
pub(super) fn push_number(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // Every byte in every position of strings of every length up to two eight-byte words,
        // the short last piece included.
        for b in 0u8..0x80 {
            for (len, at) in (0..17).flat_map(|len| (0..=len).map(move |at| (len, at))) {
                let mut s = "abcdefghijklmnop"[..len].to_string();
                s.insert(at, char::from(b));
                let mut ours = Vec::new();
                json_str(&mut ours, &s);
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
    }

    #[test]
    fn string_lists_are_what_serde_json_prints() {
        for items in [
            vec![],
            vec!["a".to_string()],
            vec!["x \"y\"".to_string(), "é".to_string()],
        ] {
            let mut ours = Vec::new();
            str_list(&mut ours, &items, 0);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&items).unwrap()
            );
        }
    }
}
