//! Every text the terminal UI shows, in one place. A text that names a key takes the key as
//! the live keymap binds it (callers pass `KeyMap::hint`), so a rebound key is named right.

use std::fmt::Display;

pub const HELP_QUIT: &str = "quit";
pub const HELP_HELP: &str = "show or hide this help";
pub const HELP_FOCUS_NEXT: &str = "focus the next panel";
pub const HELP_FOCUS_PREV: &str = "focus the previous panel";
pub const HELP_DOWN: &str = "scroll down / next entry";
pub const HELP_UP: &str = "scroll up / previous entry";
pub const HELP_PAGE_DOWN: &str = "page down";
pub const HELP_PAGE_UP: &str = "page up";
pub const HELP_TOP: &str = "go to the top";
pub const HELP_BOTTOM: &str = "go to the bottom";
pub const HELP_NEXT_PASSAGE: &str = "next shared passage (counterpart scrolled into view)";
pub const HELP_PREV_PASSAGE: &str = "previous shared passage";
pub const HELP_SYNC: &str = "synced scrolling on/off";
pub const HELP_OPEN: &str = "open an article in the focused pane";
pub const HELP_ACTORS: &str = "show the actors (people, organizations, places)";
pub const HELP_TIMELINE: &str = "show the timeline";
pub const HELP_QUOTES: &str = "show the quotations across outlets";
pub const HELP_SELECT: &str = "select the person / go to the event / open the quote";
pub const HELP_NEXT_MATCH: &str = "next mention, article quoting it, or search hit";
pub const HELP_PREV_MATCH: &str = "previous mention, article quoting it, or hit";
pub const HELP_SEARCH: &str = "search all loaded articles";
pub const HELP_EXPORT: &str = "export the comparison to a text file";
pub const HELP_SWAP: &str = "swap the left and right articles";
pub const HELP_CANCEL: &str = "close, cancel, clear the selection";
pub const HELP_TOGGLE_SIDEBAR: &str = "hide or show the sidebar";
pub const HELP_COPY: &str = "copy the current passage, both wordings";

pub const TITLE_HELP: &str = " Keys ";
pub const TITLE_PICKER: &str = " Open article ";
/// The picker's title when the archive's stories are not known (large archives, until
/// `juxta stories` has stored them).
pub const TITLE_PICKER_UNGROUPED: &str = " Open article · not grouped by story ";
pub const TITLE_ACTORS: &str = "Actors";
pub const TITLE_TIMELINE: &str = "Timeline";
pub const TITLE_QUOTES: &str = "Quotes";
/// The screen of an empty store; `quit` is the key that quits ("" when none is bound).
pub fn empty_store(quit: &str) -> Vec<String> {
    let mut lines: Vec<String> = [
        "The store is empty.",
        "",
        "Add articles from the shell:",
        "  juxta add article.txt folder/",
        "or open files directly:",
        "  juxta one.txt two.md",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    if !quit.is_empty() {
        lines.push(String::new());
        lines.push(format!("Press {quit} to quit."));
    }
    lines
}
pub const NO_SECOND_ARTICLE: &str =
    "Only one article is loaded: add another with `juxta add PATH` to compare.";
/// An empty pane; `open` is the key that opens the picker ("" when none is bound).
pub fn pane_empty(open: &str) -> String {
    if open.is_empty() {
        "No article here.".to_string()
    } else {
        format!("No article here: press {open} to open one.")
    }
}
pub const NO_ACTORS: &str = "No people, organizations or places found.";
/// Headings of the actors list, one per kind.
pub const GROUP_PEOPLE: &str = "People";
pub const GROUP_ORGANIZATIONS: &str = "Organizations";
pub const GROUP_PLACES: &str = "Places";
pub const NO_EVENTS: &str = "No dated events found.";
pub const NO_QUOTES: &str = "No quotations found.";
/// A quotation whose speaker no outlet names.
pub const UNKNOWN_SPEAKER: &str = "unknown";
pub const NO_PASSAGES: &str = "These two articles share no passages.";
pub const PICKER_EMPTY: &str = "No article matches.";
pub const TOO_SMALL: &str = "Terminal too small";
pub const SEARCH_PROMPT: &str = "/";
pub const FILTER_PROMPT: &str = "filter: ";
pub const UNDATED: &str = "undated";
pub const OPEN_MARK: &str = "•";

// Help legend: what the highlight colours mean.
pub const LEGEND_SHARED: &str = "shared text";
pub const LEGEND_EXACT: &str = "exact";
pub const LEGEND_NEAR: &str = "near";
pub const LEGEND_CHANGED: &str = "changed words";
pub const LEGEND_PARAPHRASE: &str = "paraphrase";
pub const LEGEND_QUOTE: &str = "same quote";
pub const LEGEND_CURRENT: &str = "current passage";
pub const LEGEND_MARKS: &str = "marks";
pub const LEGEND_PERSON: &str = "person";
pub const LEGEND_SEARCH_HIT: &str = "search hit";
pub const LEGEND_EVENT: &str = "event";
pub const LEGEND_DIFFER: &str = "≠ differs in the other article";

/// The status line on a figure or date the open articles report differently: "differs: 30 cm
/// here · 40 cm in Courier".
pub fn differs(about: &str, here: &str, there: &[(String, String)]) -> String {
    let others: Vec<String> = there
        .iter()
        .map(|(value, source)| format!("{value} in {source}"))
        .collect();
    format!("differs ({about}): {here} here · {}", others.join(" · "))
}

/// The gutter mark of a row holding a value the other article reports differently.
pub const GUTTER_DIFFER: &str = "≠";

// Status bar hints: the key, then one of these.
pub const HINT_PASSAGE: &str = "passage";
pub const HINT_SYNC: &str = "sync";
pub const HINT_OPEN: &str = "open";
pub const HINT_ACTORS: &str = "actors";
pub const HINT_TIMELINE: &str = "timeline";
pub const HINT_QUOTES: &str = "quotes";
pub const HINT_OPEN_QUOTE: &str = "open";
pub const HINT_CARRIER: &str = "outlet";
pub const HINT_SEARCH: &str = "search";
pub const HINT_EXPORT: &str = "export";
pub const HINT_HELP: &str = "help";
pub const HINT_QUIT: &str = "quit";
pub const HINT_SELECT: &str = "select";
pub const HINT_MENTION: &str = "mention";
pub const HINT_PANES: &str = "panes";
pub const HINT_GO_TO_EVENT: &str = "go to event";

/// The right of the status bar, when synced scrolling is on.
pub const SUMMARY_SYNC: &str = "sync";

/// How many passages the comparison holds.
pub fn summary_passages(n: usize) -> String {
    format!("{n} {}", if n == 1 { "passage" } else { "passages" })
}

/// How similar the two articles are.
pub fn summary_similarity(similarity: f64) -> String {
    format!("similarity {similarity:.2}")
}

/// The notice on a terminal below the minimum size.
pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!("{TOO_SMALL}: {width}×{height}, juxta needs {min_width}×{min_height}")
}

/// Status while the archive loads behind the open pair.
pub fn loading_archive(done: usize, total: usize) -> String {
    // Rows read (articles, then mentions, then events), as a share.
    match (done.min(total) * 100).checked_div(total) {
        Some(percent) => format!("{LOADING_ARCHIVE}: {percent}%"),
        None => format!("{LOADING_ARCHIVE}…"),
    }
}

const LOADING_ARCHIVE: &str = "loading the archive's actors, timeline and articles";

/// Whether a status is [`loading_archive`]'s.
pub fn is_loading(status: &str) -> bool {
    status.starts_with(LOADING_ARCHIVE)
}

/// Status once the archive has loaded behind the open pair: the sidebar and the picker now
/// cover all of it.
pub fn archive_loaded(articles: usize) -> String {
    format!(
        "archive loaded: {articles} article{}",
        if articles == 1 { "" } else { "s" }
    )
}

/// Status once the archive has loaded behind the open pair, when its stories are not known
/// (grouping them reads every text: `juxta stories` does it once for the TUI and `list`).
pub fn archive_loaded_ungrouped(articles: usize) -> String {
    format!(
        "{}; `juxta stories` groups the picker by story",
        archive_loaded(articles)
    )
}

/// Status when the archive could not be loaded behind the open pair.
pub fn loading_failed() -> String {
    "the archive could not be loaded (only the open pair is shown); run `juxta check`".into()
}

/// The loading screen.
pub fn loading(done: usize, total: usize) -> String {
    format!("Loading articles: {done} of {total}")
}

/// A pane's scroll position when the whole article fits.
pub const POSITION_ALL: &str = "all";

/// A picker row's share of text found in other articles.
pub fn shared_percent(shared: f64) -> String {
    format!("  {shared:>3.0}% shared")
}

/// A timeline entry reported by several articles.
/// A report that dates a happening differently from the first, in the timeline: "≠ 2016 ·
/// Reuters, 'two years ago'".
pub fn conflicting(when: &str, source: &str, expression: &str) -> String {
    format!("≠ {when} · {source}, ‘{expression}’")
}

pub fn sources(n: usize) -> String {
    format!("{n} sources")
}

/// After synced scrolling is switched.
pub fn sync_status(on: bool) -> String {
    format!("synced scrolling {}", if on { "on" } else { "off" })
}

/// After an export.
pub fn exported(path: &std::path::Path) -> String {
    format!("exported to {}", path.display())
}

/// An export that failed, with the reason.
pub fn export_failed(error: &dyn Display) -> String {
    format!("export failed: {error}")
}

/// `n` pressed with no person selected; `actors` and `select` are the live keys.
pub fn no_person_selected(actors: &str, select: &str) -> String {
    format!("no person selected: press {actors}, pick one and press {select}")
}

/// The current mention of the selected person, in the article with id `id`.
pub fn mention_status(k: usize, n: usize, article: usize, articles: usize, id: &str) -> String {
    format!("mention {k} of {n} · article {article} of {articles} · {id}")
}

/// A search without hits.
pub fn no_match(query: &str) -> String {
    format!("no match for “{query}”")
}

/// `n` pressed before any search; `search` is the live key.
pub fn nothing_searched(search: &str) -> String {
    format!("nothing searched yet: press {search} to search")
}

/// The current search hit, in article `id`.
pub fn hit_status(k: usize, n: usize, query: &str, id: &str) -> String {
    format!("hit {k} of {n} for “{query}” · {id}")
}

/// The current passage.
pub fn passage_status(
    k: usize,
    n: usize,
    kind: &str,
    words: impl Display,
    evidence: &str,
) -> String {
    if evidence.is_empty() {
        format!("passage {k} of {n} · {kind} · {words} words")
    } else {
        format!("passage {k} of {n} · {kind} · {words} words · {evidence}")
    }
}

/// A person just selected; `next` is the live key for the next mention.
pub fn person_selected(name: &str, mentions: usize, articles: usize, next: &str) -> String {
    format!(
        "{name}: {mentions} mentions in {articles} {} · {next} to jump",
        if articles == 1 { "article" } else { "articles" }
    )
}

/// A timeline event just opened. With several sources, `k` of `n` and `select`, the live key
/// for the next one.
pub fn event_status(
    date: &str,
    expression: &str,
    source: &str,
    position: Option<(usize, usize, &str)>,
) -> String {
    match position {
        Some((k, n, select)) => {
            format!(
                "{date} · “{expression}” · source {k} of {n} ({select} for the next) · {source}"
            )
        }
        None => format!("{date} · “{expression}” · {source}"),
    }
}

/// Status when some sources named on the command line could not be imported: the first
/// message, and how many more (all are printed again on the terminal when juxta quits).
pub fn not_imported(first: &str, more: usize) -> String {
    if more == 0 {
        format!("not imported: {first}")
    } else {
        format!("not imported: {first} (and {more} more, listed when juxta quits)")
    }
}

// The actors list: what its marks mean, longest first (the header shows the longest that fits).
pub const ACTORS_LEGEND: [&str; 3] = [
    "• in an open article · mentions·articles",
    "• open · mentions·articles",
    "• open · ment·art",
];
pub const LEGEND_SIDEBAR: &str = "actors";
pub const LEGEND_OPEN_MARK: &str = "• named in an open article";
pub const LEGEND_COUNTS: &str = "12·5 = 12 mentions in 5 articles";
/// The picker row of an article already open.
pub const PICKER_OPEN: &str = "open";
pub const PICKER_HEADER: &str = "• open · % = share of its text found in other articles";
/// The picker's header when neither stories nor shares are known: how to get them.
pub const PICKER_HEADER_UNGROUPED: &str =
    "• open · to group by story and show shares, quit and run `juxta stories`";

/// After `y`: the passage was sent to the terminal's clipboard (OSC 52); `export` is the live
/// export key, the way out on a terminal that ignores OSC 52.
pub fn copied(k: usize, words: usize, export: &str) -> String {
    if export.is_empty() {
        format!("passage {k} copied, both wordings ({words} words; needs a terminal with OSC 52)")
    } else {
        format!(
            "passage {k} copied, both wordings ({words} words); nothing pasted? your terminal lacks OSC 52: export with {export}"
        )
    }
}

/// What `y` copies: both wordings of a passage, each under its article's id.
pub fn copied_text(left_id: &str, left: &str, right_id: &str, right: &str) -> String {
    format!("{left_id}:\n{left}\n\n{right_id}:\n{right}\n")
}

// The timeline list: what an entry shows, longest first.
pub const TIMELINE_LEGEND: [&str; 2] = ["date · source · the sentence below", "date · source"];
/// What a row of the Quotes tab shows, longest wording first.
pub const QUOTES_LEGEND: [&str; 2] = ["speaker · first words · outlets", "speaker · outlets"];
/// The Quotes tab of an archive loaded without its texts, which lists the quotations of the
/// two open articles only; longest wording first.
pub const QUOTES_LEGEND_PAIR: [&str; 3] = [
    "quotations of the open pair · speaker · outlets",
    "open pair only · speaker · outlets",
    "open pair only",
];
/// The Quotes tab of an archive loaded without its texts, when the open pair quotes no one.
pub const NO_QUOTES_PAIR: &str = "No quotations in the two open articles.";
/// The mark of a quotation whose outlets name different speakers.
pub const DISAGREE_MARK: &str = "≠";

/// A quotation opened from the Quotes tab: who said it, in how many articles, the live key
/// for the next carrier.
pub fn quote_selected(speaker: &str, articles: usize, disagree: bool, next: &str) -> String {
    format!(
        "{speaker}: quoted in {articles} {}{} · {next} for the next",
        if articles == 1 { "article" } else { "articles" },
        if disagree {
            " (outlets name different speakers)"
        } else {
            ""
        }
    )
}

/// The current article carrying the selected quotation.
pub fn carrier_status(k: usize, n: usize, id: &str, speaker: &str, drift: Option<&str>) -> String {
    let mut s = format!("quotation {k} of {n} · {id} · {speaker}");
    if let Some(d) = drift {
        s.push_str(" · ");
        s.push_str(d);
    }
    s
}

/// `n` with no quotation selected.
pub fn no_quote_selected(quotes: &str, select: &str) -> String {
    format!("no quotation selected: press {quotes}, pick one and press {select}")
}

/// `y` with no current passage; `next` is the live key for the next passage.
pub fn nothing_to_copy(next: &str) -> String {
    format!("no current passage to copy: press {next} to choose one")
}

/// The header of the articles that are stories of their own, in the picker.
pub const PICKER_SINGLES: &str = "▸ Single articles";

/// The size of a story in its picker header: " · 3 articles, 2 outlets".
pub fn story_size(articles: usize, outlets: usize) -> String {
    format!(
        " · {articles} articles, {outlets} outlet{}",
        if outlets == 1 { "" } else { "s" }
    )
}
