//! juxta: compare news coverage side by side in the terminal.
//!
//! Files are imported ([`import`]) into a [`store`]; analysis is pure and works on
//! [`article::Article`]s; the command line ([`cli`]) and the terminal UI only present results.

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
