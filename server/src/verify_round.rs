//! `pasar-purna verify-round <file>`: re-runs a published SABOAK allocation round, so that
//! anyone (a vendor, a journalist, the inspectorate) can check that the office did not re-roll
//! the lottery or edit the result. It needs no database and no configuration: only the round
//! file the result page publishes (`-` reads it from standard input, so
//! `curl -s <address> | pasar-purna verify-round -` checks a round on the web).

use std::io::Read;

use domain::allocation::{verify, PublishedRound};

/// What a checked round says, for the person who ran the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The commitment that was published when the round opened.
    pub commitment: String,
    /// Stalls given.
    pub granted: usize,
    /// Requests on a waitlist.
    pub waiting: usize,
}

impl std::fmt::Display for Verified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "round verified: the seed matches the commitment {} and re-running the rules gives \
             the identical allocation ({} stalls given, {} waiting)",
            self.commitment, self.granted, self.waiting
        )
    }
}

/// Reads the round file at `source` (a path, or `-` for standard input) and checks it.
///
/// # Errors
/// When the file cannot be read or is not a published round, or when the round does not
/// check out (the message says what differs).
pub fn verify_round(source: &str) -> anyhow::Result<Verified> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        text
    } else {
        std::fs::read_to_string(source)
            .map_err(|error| anyhow::anyhow!("cannot read {source}: {error}"))?
    };
    let round: PublishedRound = serde_json::from_str(&text)
        .map_err(|error| anyhow::anyhow!("not a published round file: {error}"))?;
    verify(&round).map_err(|error| anyhow::anyhow!("round NOT verified: {error}"))?;
    Ok(Verified {
        commitment: round.commitment.to_hex(),
        granted: round.outcome.granted.len(),
        waiting: round.outcome.waitlist.len(),
    })
}
