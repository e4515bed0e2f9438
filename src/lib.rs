//! juxta: compare news coverage side by side in the terminal.
//!
//! Files are imported ([`import`]) into a [`store`]; [`analysis`] is pure and works on
//! [`article::Article`]s; the [`service`] layer opens, imports, analyses and searches for both
//! front ends, the command line ([`cli`]) and the terminal UI ([`tui`]), which only present
//! what it returns. ARCHITECTURE.md at the repository root maps the modules.

pub mod analysis;
pub mod article;
pub mod atomic;
pub mod cli;
pub mod config;
pub mod export;
pub mod import;
pub mod service;
pub mod store;
pub mod text;
pub mod tui;
