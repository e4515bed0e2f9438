//! `juxta events`: the timeline as a table, or the events as JSON, written as they are read.
//!
//! An archive of 100,000 articles holds about a million events. The whole archive's table is
//! stored with its views as printed (see `service::events_table`) and copied out; JSON, and
//! the table of named articles, are written one event at a time into one reused buffer, never
//! holding the timeline whole.

use super::Context;
use super::extract::ExtractArgs;
use super::json::{ArrayWriter, json_str, push_number, str_list};
use crate::store::{EventOrder, ViewEvent};
use anyhow::Result;
use std::io::Write;

/// Runs `juxta events`; the whole archive's are streamed from the store's views.
pub fn run(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<bool> {
    if args.json {
        json(ctx, args, out)?;
    } else {
        table(ctx, args, out)?;
    }
    Ok(true)
}

/// The events in date order as a pretty JSON array, byte for byte what
/// `serde_json::to_writer_pretty` makes of the whole list.
fn json(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<()> {
    let mut array = ArrayWriter::new(out);
    crate::service::stream_events(
        ctx,
        &args.articles,
        EventOrder::Date,
        true,
        &mut |_| true,
        &mut |e| array.push(|buf, first| push_event_json(buf, e, first)),
    )?;
    array.finish()?;
    Ok(())
}

/// The timeline as a table, entry by entry, and a line of totals.
fn table(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<()> {
    let mut failed: Option<std::io::Error> = None;
    crate::service::events_table(
        ctx,
        &args.articles,
        &mut |bytes| match out.write_all(bytes) {
            Ok(()) => true,
            Err(err) => {
                failed = Some(err);
                false
            }
        },
    )?;
    if let Some(err) = failed {
        return Err(err.into());
    }
    out.flush()?;
    Ok(())
}

/// Appends one event to a pretty JSON array as `serde_json::to_writer_pretty` writes it, byte
/// for byte (`[` before the first event, `,` before the others; `close_array` ends
/// it). Strings are escaped a run at a time: a run-on text's events carry megabytes of
/// sentences, which serde_json escapes byte by byte. A test holds the two to the same output.
fn push_event_json(out: &mut Vec<u8>, e: &ViewEvent, first: bool) {
    fn opt(out: &mut Vec<u8>, value: Option<&str>) {
        match value {
            Some(v) => json_str(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.extend_from_slice(if first { b"[\n  {" } else { b",\n  {" });
    out.extend_from_slice(b"\n    \"article\": ");
    json_str(out, &e.article);
    out.extend_from_slice(b",\n    \"date\": ");
    opt(out, e.date.as_deref());
    out.extend_from_slice(b",\n    \"start_date\": ");
    opt(out, e.start_date.as_deref());
    out.extend_from_slice(b",\n    \"end_date\": ");
    opt(out, e.end_date.as_deref());
    out.extend_from_slice(b",\n    \"precision\": ");
    opt(out, e.precision.as_deref());
    out.extend_from_slice(b",\n    \"kind\": ");
    json_str(out, &e.kind);
    out.extend_from_slice(b",\n    \"expression\": ");
    json_str(out, &e.expression);
    out.extend_from_slice(b",\n    \"start\": ");
    push_number(out, e.start);
    out.extend_from_slice(b",\n    \"end\": ");
    push_number(out, e.end);
    out.extend_from_slice(b",\n    \"sentence\": ");
    json_str(out, &e.sentence);
    out.extend_from_slice(b",\n    \"actors\": ");
    str_list(out, &e.actors, 4);
    out.extend_from_slice(b",\n    \"group\": ");
    push_number(out, e.group);
    out.extend_from_slice(if e.conflict {
        b",\n    \"conflict\": true\n  }"
    } else {
        b",\n    \"conflict\": false\n  }"
    });
}

#[cfg(test)]
mod tests {
    use super::super::json::close_array;
    use super::*;

    #[test]
    fn events_json_is_what_serde_json_prints() {
        let event = |sentence: &str, actors: &[&str], dated: bool| ViewEvent {
            article: "a-1".to_string(),
            date: dated.then(|| "2024-03".to_string()),
            start_date: dated.then(|| "2024-03-01".to_string()),
            end_date: dated.then(|| "2024-03-31".to_string()),
            precision: dated.then(|| "month".to_string()),
            kind: "date".to_string(),
            expression: "in \"March\"".to_string(),
            start: 12,
            end: 4096,
            sentence: sentence.to_string(),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            group: 3,
            conflict: dated,
        };
        let control: String = (0u8..0x20).map(char::from).collect();
        let events = [
            event("", &[], true),
            event(
                "The quay reopened in March, the office said.",
                &["Ana Lima"],
                false,
            ),
            event(
                &format!("a \"quoted\" back\\slash, tab\tline\nend{control}\u{7f} é – 港 “x”"),
                &["Ana Lima", "Jo \"Q\" Ng\\"],
                true,
            ),
            event(&"long plain run of words ".repeat(40), &["x"], true),
        ];
        let mut numbers = Vec::new();
        for n in [0, 7, 10, 99, 100, 4096, 1_000_000, usize::MAX] {
            numbers.clear();
            push_number(&mut numbers, n);
            assert_eq!(numbers, n.to_string().into_bytes());
        }
        for n in 0..=events.len() {
            let mut ours = Vec::new();
            for (k, e) in events[..n].iter().enumerate() {
                push_event_json(&mut ours, e, k == 0);
            }
            close_array(&mut ours, n > 0);
            let theirs = serde_json::to_string_pretty(&events[..n]).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
    }
}
