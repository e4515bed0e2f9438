//! The quotations of the named articles, grouped across outlets (`juxta quotes`).

use super::{Context, ServiceError};
use crate::analysis::actors::Actor;
use crate::analysis::quotes::{self, Quotes};
use crate::article::Article;

/// Articles with their quotations and the actors the speakers are.
#[derive(Debug, Clone)]
pub struct QuoteReport {
    /// The articles; every `article: usize` indexes this list.
    pub articles: Vec<Article>,
    /// The actors of the articles (speakers name them).
    pub actors: Vec<Actor>,
    /// The quotations and their groups.
    pub quotes: Quotes,
}

/// The quotations of the articles `args` names (files analysed in place, store ids, or the
/// whole store), computed from their text and actors.
pub fn quotes(ctx: &Context, args: &[String]) -> Result<QuoteReport, ServiceError> {
    let (articles, found) = ctx.analyse(args)?;
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let quotes = quotes::analyse(&texts, &found.actors);
    Ok(QuoteReport {
        articles,
        actors: found.actors,
        quotes,
    })
}
