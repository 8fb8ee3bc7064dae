//! `customer-lookup photo set|remove`: change a customer's photo from a
//! script or by IT, with the same rules as the window: the same
//! credentials as `doctor` (the secret from the environment or a no-echo
//! prompt), the same preparation of the photo, the organisation's policy
//! (a pinned host; photo changes can be switched off). Exit code 0 only on
//! success; `--json` prints one object.

use crate::capillary::{ApiHost, CapillaryClient, Lookup};
use crate::doctor::read_credentials;
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
    let outcome = change(target, file, policy).await;
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
    target: &Target,
    file: Option<&PathBuf>,
    policy: Result<Policy, PolicyError>,
) -> Result<Value, String> {
    let policy = policy.map_err(|e| e.to_string())?;
    if policy.photo_changes == Some(false) {
        return Err(format!(
            "Photo changes are switched off on this workstation by your organisation ({}).",
            policy.source.as_deref().unwrap_or("policy")
        ));
    }
    let host = policy
        .host
        .as_deref()
        .or(target.host.as_deref())
        .ok_or("Give --host (or set CUSTOMER_LOOKUP_HOST).")?;
    let host = ApiHost::parse(host).map_err(|e| e.to_string())?;
    let lookup = Lookup::parse_spec(&target.lookup).map_err(|e| e.to_string())?;
    // The photo is read and prepared before anything is sent.
    let upload = match file {
        Some(path) => Some(prepare_file(path.clone()).await?),
        None => None,
    };
    let credentials = read_credentials(Some(&target.user), None)?;
    let client =
        CapillaryClient::new(host, credentials).map_err(|e| e.to_string_with_request_id())?;
    let customer = client
        .lookup(&lookup)
        .await
        .map_err(|e| e.to_string_with_request_id())?;
    let Some(id) = customer.customer_id() else {
        return Err("Capillary's answer names no customer ID.".to_owned());
    };
    let till = client.credentials().principal().to_owned();
    match upload {
        Some(upload) => {
            let replaced = replace_photo(&client, id, &customer, &upload)
                .await
                .map_err(|e| e.to_string_with_request_id())?;
            tracing::info!("photo replaced for customer {id} by {till}");
            let sent =
                json!({"width": upload.width, "height": upload.height, "bytes": upload.jpeg.len()});
            Ok(match replaced {
                Replaced::Only { removed } => json!({
                    "outcome": "replaced",
                    "customer_id": id,
                    "uploaded": sent,
                    "old_photos_removed": removed,
                    "message": format!("Photo replaced for customer {id} ({}×{}, {} bytes).", upload.width, upload.height, upload.jpeg.len()),
                }),
                Replaced::OldPhotosRemain { kept, error } => json!({
                    "outcome": "added; old photos remain",
                    "customer_id": id,
                    "uploaded": sent,
                    "old_photos_kept": kept,
                    "message": format!(
                        "The new photo is stored and shown for customer {id}, but {kept} older photo(s) could not be removed{}.",
                        error.map(|e| format!(": {}", e.to_string_with_request_id())).unwrap_or_default()
                    ),
                }),
            })
        }
        None => {
            let removed = remove_photo(&client, id, &customer)
                .await
                .map_err(|e| e.to_string_with_request_id())?;
            tracing::info!("photo removed for customer {id} by {till}");
            Ok(json!({
                "outcome": if removed == 0 { "no photo" } else { "removed" },
                "customer_id": id,
                "photos_removed": removed,
                "message": if removed == 0 {
                    format!("Customer {id} has no photo; nothing to remove.")
                } else {
                    format!("Photo removed for customer {id}.")
                },
            }))
        }
    }
}

/// Reads and prepares the file off the async threads; never written
/// anywhere, never logged.
async fn prepare_file(path: PathBuf) -> Result<PhotoUpload, String> {
    #[expect(
        clippy::disallowed_methods,
        reason = "a command-line tool reading the file it was given, not the app's UI thread"
    )]
    let prepared = tokio::task::spawn_blocking(move || {
        #[expect(
            clippy::disallowed_methods,
            reason = "the photo file named on the command line"
        )]
        let bytes =
            std::fs::read(&path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
        prepare_upload(&bytes, &DecodeLimits::default()).map_err(|e| e.to_string())
    })
    .await;
    prepared.unwrap_or_else(|_| Err("The photo couldn't be read.".to_owned()))
}
