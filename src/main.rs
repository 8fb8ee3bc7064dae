//! Entry point: parse the command line, start logging and the async
//! runtime, then run `doctor` or open the window. Nothing else lives here.

use clap::Parser as _;
use customer_lookup::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The window logs to a file too, for support; `doctor` to stderr only.
    let log_dir = match cli.command {
        None => customer_lookup::logging::log_dir(),
        Some(_) => None,
    };
    customer_lookup::logging::init(log_dir.as_deref());
    // Read before anything else: a pinned value wins over flags and saved
    // settings, and an unreadable policy stops both the window and doctor.
    let policy = customer_lookup::policy::Policy::load();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("customer-lookup: could not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Some(Command::Doctor(args)) => {
            let code = runtime.block_on(customer_lookup::doctor::run(args, policy));
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Some(Command::Photo(command)) => {
            let code = runtime.block_on(customer_lookup::photo_cli::run(command, policy));
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        None => {
            let options = customer_lookup::StartOptions {
                demo: cli.demo,
                host: cli.host,
                user: cli.user,
                lock_after_secs: cli.lock_after,
                country_code: cli.country_code,
                photo_changes: cli.photo_changes,
                enrolment: cli.enrolment,
                language: cli.language,
                workstation_locale: i18n::Locale::of_workstation(),
                policy,
            };
            match customer_lookup::run_native(runtime, options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("customer-lookup: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
