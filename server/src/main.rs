//! `pasar-purna`: the server binary and its command line.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use server::config::Config;
use server::{startup, telemetry};

/// Rendering a page allocates many small strings; glibc's allocator took about a sixth of the
/// server's CPU under load (perf, 32 connections), mimalloc much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Pasar Purna: the City of Kupang's market platform for returned migrant workers.
///
/// Configuration comes from environment variables (and ./.env); see the README.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve {
        /// Load the demo data first if the database has never been seeded.
        #[arg(long)]
        seed_if_empty: bool,
    },
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load reference and demo data with drawn demo photos (idempotent), then exit.
    SeedDemo {
        /// Also add N synthetic products (for benchmarks; not idempotent).
        #[arg(long, value_name = "N")]
        scale: Option<u32>,
    },
    /// Re-encrypt every stored NIK with the current PASAR_DATA_KEY (after adding a new key and
    /// moving the old one to PASAR_DATA_KEYS_PREVIOUS), then exit.
    RotateDataKey,
    /// Account tasks for the office.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Re-run a published SABOAK allocation round and check it (no database needed).
    VerifyRound {
        /// The round file from the result page, or `-` for standard input.
        file: String,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create a super-admin; the password is read from standard input, never from arguments.
    Create {
        /// Their Indonesian mobile number (08…) or email address.
        #[arg(long)]
        login: String,
    },
}

fn main() -> ExitCode {
    let command = Cli::parse().command.unwrap_or(Command::Serve { seed_if_empty: false });
    // Anyone may check a round: it needs no configuration and no database.
    if let Command::VerifyRound { file } = &command {
        return match server::verify_round::verify_round(file) {
            Ok(verified) => {
                say(&verified);
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        };
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => return fail(&error),
    };
    telemetry::init(config.log_format);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => return fail(&error),
    };
    match runtime.block_on(run(command, &config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

async fn run(command: Command, config: &Config) -> anyhow::Result<()> {
    config.prepare_directories()?;
    let db = startup::open_database(config).await?;
    match command {
        Command::Migrate => {
            tracing::info!(engine = db.engine().name(), "migrations applied");
        }
        Command::SeedDemo { scale } => {
            let report = backend::demo::seed_demo(&db, &config.personal_data).await?;
            let photos = config.open_photo_store()?;
            let drawn = backend::demo::seed_demo_photos(&db, &photos).await?;
            tracing::info!(?report, drawn, "demo data loaded");
            if let Some(count) = scale {
                let added =
                    backend::demo::seed_scale(&db, count, backend::Clock::system().now()).await?;
                eprintln!("pasar-purna: {added} synthetic products added");
            }
            print_demo_logins();
        }
        Command::RotateDataKey => {
            let report =
                backend::vendors::reencrypt_with_current_key(&db, &config.personal_data).await?;
            eprintln!(
                "pasar-purna: {} NIK(s) re-encrypted with key {}",
                report.reencrypted,
                config.personal_data.current_id()
            );
        }
        Command::Admin(AdminCommand::Create { login }) => {
            server::admin::create_super_admin(&db, &login).await?;
            eprintln!("pasar-purna: super-admin created");
        }
        // Normally answered before the configuration is read (see `main`).
        Command::VerifyRound { file } => say(&server::verify_round::verify_round(&file)?),
        Command::Serve { seed_if_empty } => {
            if seed_if_empty && backend::demo::is_empty(&db).await? {
                backend::demo::seed_demo(&db, &config.personal_data).await?;
                let photos = config.open_photo_store()?;
                backend::demo::seed_demo_photos(&db, &photos).await?;
            }
            startup::serve(config, startup::server_state(config, db)?).await?;
        }
    }
    Ok(())
}

/// The demo logins on standard output, for the run command to show (demo data only).
#[allow(clippy::print_stdout)]
fn print_demo_logins() {
    println!("  Demo logins (password for all: {}):", backend::demo::DEMO_PASSWORD);
    for demo in backend::demo::DEMO_ACCOUNTS {
        println!("    {:<20} {}", demo.login, demo.who);
    }
    println!("    {:<20} approved vendors with shops (/lapak)", "0852-3910-0001…0012");
    println!("    {:<20} applicants waiting, asked to change, or rejected", "0852-3910-0013…0017");
}

/// A command's answer, on standard output (where a script reads it).
#[allow(clippy::print_stdout)]
fn say(answer: &dyn std::fmt::Display) {
    println!("{answer}");
}

/// One line on stderr and a failing exit code: no backtrace, no panic.
fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("pasar-purna: error: {error}");
    ExitCode::FAILURE
}
