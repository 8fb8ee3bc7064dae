//! The command line.

use crate::doctor::DoctorArgs;
use clap::{Parser, Subcommand};

/// Look up a Capillary customer by mobile, email or loyalty card and see their photo.
///
/// With no configuration it opens on the built-in demo tenant.
#[derive(Debug, Parser)]
#[command(name = "customer-lookup", version, about, long_about = None)]
pub struct Cli {
    /// Open on the built-in demo tenant, demo credentials filled in
    #[arg(long, conflicts_with = "host")]
    pub demo: bool,
    /// Pre-fill the login panel's host (a cluster URL or any https:// URL)
    #[arg(long, env = "CUSTOMER_LOOKUP_HOST", value_name = "URL")]
    pub host: Option<String>,
    /// Pre-fill the login panel's username
    #[arg(long, env = "CUSTOMER_LOOKUP_USER", value_name = "NAME")]
    pub user: Option<String>,
    /// Lock the screen after this many seconds without input (0: never; default 300)
    #[arg(long, value_name = "SECONDS")]
    pub lock_after: Option<u64>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a workstation's setup: host, credentials, a lookup and the photo
    Doctor(DoctorArgs),
}
