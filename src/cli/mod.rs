//! The `hoinghi` command line: a thin shell over [`hoinghi::ingest`] (argument parsing, the
//! summary, exit codes).
//!
//! Exit codes: 0 all files used; 2 a bundle was written but some files were skipped (listed with
//! their reasons), or `inspect` was given an unusable file; 1 fatal error (no bundle written, or
//! a file that cannot be read).

mod pack;
mod shard;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

/// Prints what a command did, or its error; exit code 1 on error.
fn report(outcome: Result<String, String>) -> ExitCode {
    match outcome {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
use hoinghi::ingest::{self, BundleOptions, SkipReason};
use hoinghi::shard::ShardOptions;

#[derive(Parser)]
#[command(
    name = "hoinghi",
    version,
    about = "Vietnamese news archives to a hoinghi bundle"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn scraped articles (.txt/.html files and folders, recursively) into a bundle.
    ///
    /// The bundle is byte-identical across runs on the same input. Its `generated` stamp is
    /// SOURCE_DATE_EPOCH when set, else the newest `published` among the articles, else
    /// 1970-01-01T00:00:00Z.
    Bundle {
        /// Files and folders to read.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the bundle JSON (written atomically).
        #[arg(short, long)]
        output: PathBuf,
        /// Bundle title.
        #[arg(long, default_value = "hoinghi")]
        title: String,
    },
    /// Print the record one file would produce, as pretty JSON.
    Inspect { file: PathBuf },
    /// Pack a bundle and the built app (dist/) into one HTML file that works from file://.
    Pack {
        /// The bundle JSON to embed.
        bundle: PathBuf,
        /// Where to write the HTML file (written atomically).
        #[arg(short, long)]
        output: PathBuf,
        /// The app build to embed.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
    /// Cut a bundle into a sharded one for large archives: DIR/manifest.json (open it with
    /// ?bundle=DIR/manifest.json) plus shards the app fetches as needed.
    Shard {
        /// The bundle JSON to cut.
        bundle: PathBuf,
        /// The folder to write manifest.json and the shards into (created if missing).
        #[arg(short, long)]
        output: PathBuf,
        /// Articles per body shard.
        #[arg(long, default_value_t = ShardOptions::default().bodies_per_file)]
        bodies_per_file: u32,
        /// Bytes a term chunk grows to before the next one starts.
        #[arg(long, default_value_t = ShardOptions::default().term_chunk_bytes)]
        term_chunk_bytes: usize,
    },
}

const EXIT_FATAL: u8 = 1;
const EXIT_SKIPPED: u8 = 2;

pub fn run() -> ExitCode {
    match Cli::parse().command {
        Command::Bundle {
            inputs,
            output,
            title,
        } => bundle(&inputs, &output, title),
        Command::Inspect { file } => inspect(&file),
        Command::Pack {
            bundle,
            output,
            dist,
        } => pack::run(&bundle, &dist, &output),
        Command::Shard {
            bundle,
            output,
            bodies_per_file,
            term_chunk_bytes,
        } => {
            let options = ShardOptions {
                bodies_per_file,
                term_chunk_bytes,
                ..ShardOptions::default()
            };
            shard::run(&bundle, &output, options)
        }
    }
}

fn bundle(inputs: &[PathBuf], output: &Path, title: String) -> ExitCode {
    let started = Instant::now();
    let epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => match v.trim().parse() {
            Ok(secs) => Some(secs),
            Err(_) => {
                eprintln!("error: SOURCE_DATE_EPOCH must be whole seconds, got {v:?}");
                return ExitCode::from(EXIT_FATAL);
            }
        },
        Err(_) => None,
    };
    let opts = BundleOptions {
        title,
        source_date_epoch: epoch,
    };
    let (bundle, report) = match ingest::build_bundle(inputs, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_FATAL);
        }
    };
    let json = ingest::write_bundle_json(&bundle);
    if let Err(e) = ingest::write_atomic(output, json.as_bytes()) {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_FATAL);
    }
    let secs = started.elapsed().as_secs_f64();
    let rate = report.articles_written as f64 / secs.max(1e-9);
    // The bundle is written; a closed stdout (`| head`) must not turn that into a panic.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "files read:       {}", report.files_read);
    let _ = writeln!(
        out,
        "articles written: {} → {}",
        report.articles_written,
        output.display()
    );
    let _ = writeln!(out, "conferences:      {}", report.conferences);
    let _ = writeln!(out, "time:             {secs:.2} s ({rate:.0} articles/s)");
    if report.skipped.is_empty() {
        return ExitCode::SUCCESS;
    }
    let _ = writeln!(out, "skipped files:    {}", report.skipped.len());
    for (path, reason) in &report.skipped {
        let _ = writeln!(out, "  {}: {reason}", path.display());
    }
    ExitCode::from(EXIT_SKIPPED)
}

fn inspect(file: &Path) -> ExitCode {
    match ingest::ingest_file(file) {
        Ok(article) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&article).expect("articles always serialise")
            );
            ExitCode::SUCCESS
        }
        // A file that cannot be read at all is fatal; one read but unusable is a skip.
        Err(reason @ SkipReason::Unreadable(_)) => {
            eprintln!("error: {}: {reason}", file.display());
            ExitCode::from(EXIT_FATAL)
        }
        Err(reason) => {
            eprintln!("{}: {reason}", file.display());
            ExitCode::from(EXIT_SKIPPED)
        }
    }
}
