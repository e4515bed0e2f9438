//! What a user can ask for. Keybindings in the config deserialize straight into these (text
//! typed into a field arrives as `Char`), and
//! [`super::app::App::update`] is the only place they change state.

use serde::{Deserialize, Serialize};

/// A user command, named in the config in kebab-case (`next-passage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Leave juxta.
    Quit,
    /// Show or hide the list of key bindings.
    Help,
    /// Move the focus to the next panel.
    FocusNext,
    /// Move the focus to the previous panel.
    FocusPrev,
    /// Scroll (or move the selection) down one row.
    Down,
    /// Scroll (or move the selection) up one row.
    Up,
    /// Scroll down one page.
    PageDown,
    /// Scroll up one page.
    PageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Next shared passage, with its counterpart scrolled into view.
    NextPassage,
    /// Previous shared passage.
    PrevPassage,
    /// Keep aligned passages of the two panes level while scrolling.
    ToggleSync,
    /// Open another article in the focused pane.
    Open,
    /// Show the actors in the sidebar.
    Actors,
    /// Show the timeline in the sidebar.
    Timeline,
    /// Show the quotations in the sidebar.
    Quotes,
    /// Select the highlighted sidebar entry.
    Select,
    /// Next mention of the selected person, or next search hit.
    NextMatch,
    /// Previous mention, or previous search hit.
    PrevMatch,
    /// Search the text of all loaded articles.
    Search,
    /// Write the comparison to a text file.
    Export,
    /// Swap the two articles.
    SwapPanes,
    /// Hide or show the sidebar.
    ToggleSidebar,
    /// Copy the current passage, in both wordings, to the clipboard.
    CopyPassage,
    /// Close a popup, cancel input, clear the selection.
    Cancel,
    /// Do nothing (to unbind a default key).
    None,
    /// A character typed into a text field (the search prompt, the picker filter). Not
    /// bindable: in a text field every printable key is text.
    #[serde(skip)]
    Char(char),
    /// Delete the last character of a text field (Backspace). Not bindable, as `Char`.
    #[serde(skip)]
    DeleteChar,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Action; 26] = [
        Action::NextPassage,
        Action::PrevPassage,
        Action::ToggleSync,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Open,
        Action::SwapPanes,
        Action::Actors,
        Action::Timeline,
        Action::Quotes,
        Action::ToggleSidebar,
        Action::Select,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Search,
        Action::Export,
        Action::CopyPassage,
        Action::Cancel,
        Action::Help,
        Action::Quit,
    ];

    /// What the action does, for the help popup.
    pub fn describe(self) -> &'static str {
        use super::strings as s;
        match self {
            Action::Quit => s::HELP_QUIT,
            Action::Help => s::HELP_HELP,
            Action::FocusNext => s::HELP_FOCUS_NEXT,
            Action::FocusPrev => s::HELP_FOCUS_PREV,
            Action::Down => s::HELP_DOWN,
            Action::Up => s::HELP_UP,
            Action::PageDown => s::HELP_PAGE_DOWN,
            Action::PageUp => s::HELP_PAGE_UP,
            Action::Top => s::HELP_TOP,
            Action::Bottom => s::HELP_BOTTOM,
            Action::NextPassage => s::HELP_NEXT_PASSAGE,
            Action::PrevPassage => s::HELP_PREV_PASSAGE,
            Action::ToggleSync => s::HELP_SYNC,
            Action::Open => s::HELP_OPEN,
            Action::Actors => s::HELP_ACTORS,
            Action::Timeline => s::HELP_TIMELINE,
            Action::Quotes => s::HELP_QUOTES,
            Action::Select => s::HELP_SELECT,
            Action::NextMatch => s::HELP_NEXT_MATCH,
            Action::PrevMatch => s::HELP_PREV_MATCH,
            Action::Search => s::HELP_SEARCH,
            Action::Export => s::HELP_EXPORT,
            Action::SwapPanes => s::HELP_SWAP,
            Action::ToggleSidebar => s::HELP_TOGGLE_SIDEBAR,
            Action::CopyPassage => s::HELP_COPY,
            Action::Cancel => s::HELP_CANCEL,
            Action::None | Action::Char(_) | Action::DeleteChar => "",
        }
    }
}
