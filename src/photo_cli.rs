//! `customer-lookup photo set|remove`: change a customer's photo from a
//! script or by IT, with the same rules as the window: the same
//! credentials as `doctor` (the secret from the environment or a no-echo
//! prompt), the same preparation of the photo, the organisation's policy
//! (a pinned host; photo changes can be switched off). Exit code 0 only on
//! success; `--json` prints one object.

use crate::capillary::{ApiHost, CapillaryClient, Lookup};
use crate::doctor::{CommandFailure, read_credentials, texts_for};
use crate::i18n::{Texts, tr_text};
use crate::photo::{DecodeLimits, PhotoUpload, prepare_upload};
use crate::photo_change::{Replaced, remove_photo, replace_photo};
use crate::policy::{Policy, PolicyError};
use serde_json::{Value, json};
use std::path::PathBuf;

/// Who, where and which customer.
#[derive(Debug, clap::Args)]
pub struct Target {
    /// Capillary API host (a host pinned by the organisation's policy wins)
    #[arg(long, env = "CUSTOMER_LOOKUP_HOST")]
    pub host: Option<String>,
    /// Till username (the password comes from CUSTOMER_LOOKUP_PASSWORD or a prompt)
    #[arg(long, env = "CUSTOMER_LOOKUP_USER")]
    pub user: String,
    /// The customer: mobile:N, email:E, card:C, external:X or id:N
    #[arg(long, value_name = "TYPE:VALUE")]
    pub lookup: String,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum PhotoCommand {
    /// Replace the customer's photo with FILE (JPEG, PNG, WebP, …; prepared as the app does)
    Set {
        #[command(flatten)]
        target: Target,
        /// The new photo
        file: PathBuf,
    },
    /// Remove the customer's photo
    Remove {
        #[command(flatten)]
        target: Target,
    },
}

/// Runs the command; returns the exit code (0 only on success).
pub async fn run(command: PhotoCommand, policy: Result<Policy, PolicyError>) -> i32 {
    let (target, file) = match &command {
        PhotoCommand::Set { target, file } => (target, Some(file)),
        PhotoCommand::Remove { target } => (target, None),
    };
    let t = texts_for(policy.as_ref().ok());
    let outcome = change(&t, target, file, policy)
        .await
        .map_err(|e| e.words(&t));
    let (ok, mut report) = match outcome {
        Ok(report) => (true, report),
        Err(message) => (false, json!({"message": message})),
    };
    report["ok"] = json!(ok);
    if target.json {
        println!("{report}");
    } else if let Some(message) = report["message"].as_str() {
        println!("{message}");
    }
    if ok { 0 } else { 1 }
}

async fn change(
    t: &Texts,
    target: &Target,
    file: Option<&PathBuf>,
    policy: Result<Policy, PolicyError>,
) -> Result<Value, CommandFailure> {
    let policy = policy.map_err(CommandFailure::Policy)?;
    if policy.photo_changes == Some(false) {
        let source = policy.source.as_deref().unwrap_or("policy").to_owned();
        return Err(CommandFailure::PhotoChangesOff { source });
    }
    let host = policy
        .host
        .as_deref()
        .or(target.host.as_deref())
        .ok_or(CommandFailure::NoHost)?;
    let host = ApiHost::parse(host).map_err(CommandFailure::Host)?;
    let lookup = Lookup::parse_spec(&target.lookup).map_err(CommandFailure::Lookup)?;
    // The photo is read and prepared before anything is sent.
    let upload = match file {
        Some(path) => Some(prepare_file(path.clone()).await?),
        None => None,
    };
    let credentials =
        read_credentials(t, Some(&target.user), None).map_err(CommandFailure::Credentials)?;
    let client = CapillaryClient::new(host, credentials).map_err(CommandFailure::Api)?;
    let customer = client.lookup(&lookup).await.map_err(CommandFailure::Api)?;
    let Some(id) = customer.customer_id() else {
        return Err(CommandFailure::NoCustomerId);
    };
    let till = client.credentials().principal().to_owned();
    match upload {
        Some(upload) => {
            let replaced = replace_photo(&client, id, &customer, &upload)
                .await
                .map_err(CommandFailure::Api)?;
            tracing::info!("photo replaced for customer {id} by {till}");
            let (width, height) = (upload.width.to_string(), upload.height.to_string());
            let bytes = upload.jpeg.len().to_string();
            let sent =
                json!({"width": upload.width, "height": upload.height, "bytes": upload.jpeg.len()});
            Ok(match replaced {
                Replaced::Only { removed } => json!({
                    "outcome": "replaced",
                    "customer_id": id,
                    "uploaded": sent,
                    "old_photos_removed": removed,
                    "message": tr_text!(t, "cli-photo-replaced", id = id.to_string(), width = width, height = height, bytes = bytes),
                }),
                Replaced::OldPhotosRemain { kept, error } => json!({
                    "outcome": "added; old photos remain",
                    "customer_id": id,
                    "uploaded": sent,
                    "old_photos_kept": kept,
                    "message": tr_text!(
                        t,
                        "cli-older-photos-kept",
                        id = id.to_string(),
                        count = kept,
                        why = error.map(|e| format!(": {}", e.words_with_request_id(t))).unwrap_or_default()
                    ),
                }),
            })
        }
        None => {
            let removed = remove_photo(&client, id, &customer)
                .await
                .map_err(CommandFailure::Api)?;
            tracing::info!("photo removed for customer {id} by {till}");
            Ok(json!({
                "outcome": if removed == 0 { "no photo" } else { "removed" },
                "customer_id": id,
                "photos_removed": removed,
                "message": if removed == 0 {
                    tr_text!(t, "cli-no-photo", id = id.to_string())
                } else {
                    tr_text!(t, "cli-photo-removed", id = id.to_string())
                },
            }))
        }
    }
}

/// Reads and prepares the file off the async threads; never written
/// anywhere, never logged.
async fn prepare_file(path: PathBuf) -> Result<PhotoUpload, CommandFailure> {
    let file = path.display().to_string();
    #[expect(
        clippy::disallowed_methods,
        reason = "a command-line tool reading the file it was given, not the app's UI thread"
    )]
    let prepared = tokio::task::spawn_blocking(move || {
        #[expect(
            clippy::disallowed_methods,
            reason = "the photo file named on the command line"
        )]
        let bytes = std::fs::read(&path).map_err(|e| Err(e.to_string()))?;
        prepare_upload(&bytes, &DecodeLimits::default()).map_err(Ok)
    })
    .await;
    match prepared {
        Ok(Ok(upload)) => Ok(upload),
        Ok(Err(Ok(refused))) => Err(CommandFailure::Picture(refused)),
        Ok(Err(Err(why))) => Err(CommandFailure::CannotRead { file, why }),
        Err(_) => Err(CommandFailure::Crashed),
    }
}
