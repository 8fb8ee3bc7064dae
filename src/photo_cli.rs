//! `customer-lookup photo set|remove`: change a customer's photo from a
//! script or by IT, with the same rules as the window: the same
//! credentials as `doctor` (the secret from the environment or a no-echo
//! prompt), the same preparation of the photo, the organisation's policy
//! (a pinned host; photo changes can be switched off). Exit code 0 only on
//! success; `--json` prints one object.

use crate::capillary::{ApiError, ApiHost, CapillaryClient, HostError, InputError, Lookup};
use crate::doctor::{CredentialsError, read_credentials, texts_for};
use crate::i18n::{Texts, tr_text};
use crate::photo::{DecodeLimits, PhotoUpload, UploadError, prepare_upload};
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

/// Why the photo was not changed; worded by [`PhotoCliError::words`] in the
/// command's language.
#[derive(Debug)]
enum PhotoCliError {
    /// The organisation's policy could not be read (its parser's words).
    Policy(PolicyError),
    /// The policy (named by `source`) switches photo changes off.
    ChangesOff {
        source: String,
    },
    /// No `--host`, none pinned.
    NoHost,
    Host(HostError),
    Lookup(InputError),
    Credentials(CredentialsError),
    /// Capillary refused, or the call failed.
    Api(ApiError),
    /// The customer record has no id to file a photo under.
    NoCustomerId,
    /// The file is not a picture the app can use.
    Picture(UploadError),
    /// The file could not be read; `why` is the operating system's words.
    CannotRead {
        file: String,
        why: String,
    },
    /// Preparing the picture crashed (contained on the blocking pool).
    Crashed,
}

impl PhotoCliError {
    fn words(&self, t: &Texts) -> String {
        match self {
            PhotoCliError::Policy(error) => error.to_string(),
            PhotoCliError::ChangesOff { source } => {
                tr_text!(t, "cli-photo-changes-off", source = source.as_str())
            }
            PhotoCliError::NoHost => tr_text!(t, "doctor-give-host"),
            PhotoCliError::Host(error) => error.words(t),
            PhotoCliError::Lookup(error) => error.words(t),
            PhotoCliError::Credentials(error) => error.words(t),
            PhotoCliError::Api(error) => error.words_with_request_id(t),
            PhotoCliError::NoCustomerId => tr_text!(t, "cli-no-customer-id"),
            PhotoCliError::Picture(error) => error.words(t),
            PhotoCliError::CannotRead { file, why } => {
                tr_text!(
                    t,
                    "cli-cannot-read",
                    file = file.as_str(),
                    why = why.as_str()
                )
            }
            PhotoCliError::Crashed => tr_text!(t, "photo-unreadable"),
        }
    }
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
) -> Result<Value, PhotoCliError> {
    let policy = policy.map_err(PhotoCliError::Policy)?;
    if policy.photo_changes == Some(false) {
        let source = policy.source.as_deref().unwrap_or("policy").to_owned();
        return Err(PhotoCliError::ChangesOff { source });
    }
    let host = policy
        .host
        .as_deref()
        .or(target.host.as_deref())
        .ok_or(PhotoCliError::NoHost)?;
    let host = ApiHost::parse(host).map_err(PhotoCliError::Host)?;
    let lookup = Lookup::parse_spec(&target.lookup).map_err(PhotoCliError::Lookup)?;
    // The photo is read and prepared before anything is sent.
    let upload = match file {
        Some(path) => Some(prepare_file(path.clone()).await?),
        None => None,
    };
    let credentials =
        read_credentials(t, Some(&target.user), None).map_err(PhotoCliError::Credentials)?;
    let client = CapillaryClient::new(host, credentials).map_err(PhotoCliError::Api)?;
    let customer = client.lookup(&lookup).await.map_err(PhotoCliError::Api)?;
    let Some(id) = customer.customer_id() else {
        return Err(PhotoCliError::NoCustomerId);
    };
    let till = client.credentials().principal().to_owned();
    match upload {
        Some(upload) => {
            let replaced = replace_photo(&client, id, &customer, &upload)
                .await
                .map_err(PhotoCliError::Api)?;
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
                .map_err(PhotoCliError::Api)?;
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
async fn prepare_file(path: PathBuf) -> Result<PhotoUpload, PhotoCliError> {
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
        Ok(Err(Ok(refused))) => Err(PhotoCliError::Picture(refused)),
        Ok(Err(Err(why))) => Err(PhotoCliError::CannotRead { file, why }),
        Err(_) => Err(PhotoCliError::Crashed),
    }
}
