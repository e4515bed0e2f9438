//! Every text the terminal UI shows, in one place.

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
pub const HELP_ACTORS: &str = "show the actors (people)";
pub const HELP_TIMELINE: &str = "show the timeline";
pub const HELP_SELECT: &str = "select the person / go to the event";
pub const HELP_NEXT_MATCH: &str = "next mention of the person, or next search hit";
pub const HELP_PREV_MATCH: &str = "previous mention, or previous search hit";
pub const HELP_SEARCH: &str = "search all loaded articles";
pub const HELP_EXPORT: &str = "export the comparison to a text file";
pub const HELP_SWAP: &str = "swap the left and right articles";
pub const HELP_CANCEL: &str = "close, cancel, clear the selection";

pub const TITLE_HELP: &str = " Keys ";
pub const TITLE_PICKER: &str = " Open article ";
pub const TITLE_ACTORS: &str = "Actors";
pub const TITLE_TIMELINE: &str = "Timeline";
pub const EMPTY_STORE: &[&str] = &[
    "The store is empty.",
    "",
    "Add articles from the shell:",
    "  juxta add article.txt folder/",
    "or open files directly:",
    "  juxta one.txt two.md",
    "",
    "Press q to quit.",
];
pub const NO_SECOND_ARTICLE: &str =
    "Only one article is loaded: add another with `juxta add PATH` to compare.";
pub const PANE_EMPTY: &str = "No article here: press o to open one.";
pub const NO_ACTORS: &str = "No people found.";
pub const NO_EVENTS: &str = "No dated events found.";
pub const NO_PASSAGES: &str = "These two articles share no passages.";
pub const PICKER_EMPTY: &str = "No article matches.";
pub const TOO_SMALL: &str = "Terminal too small";
pub const SEARCH_PROMPT: &str = "/";
pub const FILTER_PROMPT: &str = "filter: ";
