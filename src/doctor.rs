//! `customer-lookup doctor`: checks a store workstation's setup step by
//! step (host, credentials, a lookup, the photo) and says what is wrong.
//! For whoever installs the till, and for support.

use crate::capillary::{
    ApiError, ApiHost, CapillaryClient, Credentials, ErrorKind, HostError, InputError, Lookup,
};
use crate::i18n::{Texts, tr_text};
use crate::photo::{DecodeLimits, PhotoError, UploadError, decode, prepare_photo};
use crate::policy::{Policy, PolicyError};
use crate::secret::Secret;
use serde_json::{Value, json};
use std::time::Instant;

/// Arguments of `customer-lookup doctor`.
#[derive(Debug, clap::Args)]
pub struct DoctorArgs {
    /// Capillary API host, e.g. https://eu.api.capillarytech.com (a host
    /// pinned by the organisation's policy wins)
    #[arg(long, env = "CUSTOMER_LOOKUP_HOST")]
    pub host: Option<String>,
    /// Till username (the password comes from CUSTOMER_LOOKUP_PASSWORD or a prompt)
    #[arg(
        long,
        env = "CUSTOMER_LOOKUP_USER",
        required_unless_present = "client_key"
    )]
    pub user: Option<String>,
    /// OAuth client key instead of a till (the secret comes from CUSTOMER_LOOKUP_CLIENT_SECRET or a prompt)
    #[arg(long, conflicts_with = "user")]
    pub client_key: Option<String>,
    /// Also look a customer up and fetch the photo: mobile:N, email:E, card:C, external:X or id:N
    #[arg(long, value_name = "TYPE:VALUE")]
    pub lookup: Option<String>,
    /// Prepare the photo for a square frame of this many pixels, as the app does
    #[arg(long, value_name = "PX")]
    pub frame: Option<u32>,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

/// One checked step.
#[derive(Debug, Clone)]
struct Step {
    name: &'static str,
    ok: bool,
    ms: u128,
    detail: String,
}

/// Why a `doctor` check or a `photo` command failed; worded once, in the
/// command's language, where it is printed.
#[derive(Debug)]
pub(crate) enum CommandFailure {
    /// The policy could not be read (its parser's words, English).
    Policy(PolicyError),
    /// The policy (named by `source`) switches photo changes off.
    PhotoChangesOff {
        source: String,
    },
    /// No `--host`, none pinned.
    NoHost,
    Host(HostError),
    Credentials(CredentialsError),
    Lookup(InputError),
    /// Capillary refused, or the call failed.
    Api(ApiError),
    /// The customer record has no id to file a photo under.
    NoCustomerId,
    /// The photo downloaded does not decode.
    Photo(PhotoError),
    /// The picture given is not one the app can upload.
    Picture(UploadError),
    /// The file could not be read; `why` is the operating system's words.
    CannotRead {
        file: String,
        why: String,
    },
    /// Decoding crashed (contained on the blocking pool).
    Crashed,
}

impl CommandFailure {
    pub(crate) fn words(&self, t: &Texts) -> String {
        match self {
            CommandFailure::Policy(error) => error.to_string(),
            CommandFailure::PhotoChangesOff { source } => {
                tr_text!(t, "cli-photo-changes-off", source = source.as_str())
            }
            CommandFailure::NoHost => tr_text!(t, "doctor-give-host"),
            CommandFailure::Host(error) => error.words(t),
            CommandFailure::Credentials(error) => error.words(t),
            CommandFailure::Lookup(error) => error.words(t),
            CommandFailure::Api(error) => error.words_with_request_id(t),
            CommandFailure::NoCustomerId => tr_text!(t, "cli-no-customer-id"),
            CommandFailure::Photo(error) => error.words(t),
            CommandFailure::Picture(error) => error.words(t),
            CommandFailure::CannotRead { file, why } => {
                tr_text!(
                    t,
                    "cli-cannot-read",
                    file = file.as_str(),
                    why = why.as_str()
                )
            }
            CommandFailure::Crashed => tr_text!(t, "photo-unreadable"),
        }
    }
}

/// The whole report.
#[derive(Debug, Default)]
struct Report {
    steps: Vec<Step>,
    policy: Option<Value>,
    customer: Option<Value>,
    photo: Option<Value>,
}

impl Report {
    fn ok(&self) -> bool {
        self.steps.iter().all(|s| s.ok)
    }

    /// Adds one step: what it found (`detail`) or why it failed; returns the
    /// value the next step goes on with.
    fn record<T>(
        &mut self,
        t: &Texts,
        name: &'static str,
        started: Instant,
        result: Result<(T, String), CommandFailure>,
    ) -> Option<T> {
        let ms = started.elapsed().as_millis();
        match result {
            Ok((value, detail)) => {
                self.steps.push(Step {
                    name,
                    ok: true,
                    ms,
                    detail,
                });
                Some(value)
            }
            Err(failure) => {
                self.steps.push(Step {
                    name,
                    ok: false,
                    ms,
                    detail: failure.words(t),
                });
                None
            }
        }
    }

    fn to_json(&self) -> Value {
        let mut out = json!({
            "ok": self.ok(),
            "steps": self.steps.iter().map(|s| json!({"name": s.name, "ok": s.ok, "ms": s.ms, "detail": s.detail})).collect::<Vec<_>>(),
        });
        if let Some(policy) = &self.policy {
            out["policy"] = policy.clone();
        }
        if let Some(customer) = &self.customer {
            out["customer"] = customer.clone();
        }
        if let Some(photo) = &self.photo {
            out["photo"] = photo.clone();
        }
        out
    }

    /// The report for a person, in the workstation's language (the JSON
    /// keeps its English names for scripts).
    fn to_text(&self, t: &Texts) -> String {
        let mut out = format!("{}\n", tr_text!(t, "doctor-heading"));
        for s in &self.steps {
            let mark = if s.ok { "ok  " } else { "FAIL" };
            let name = step_label(t, s.name);
            let name = format!("{name:<16}");
            out.push_str(&format!("  {mark} {name} {:>6} ms  {}\n", s.ms, s.detail));
        }
        out.push_str(&if self.ok() {
            tr_text!(t, "doctor-passed")
        } else {
            tr_text!(t, "doctor-failed")
        });
        out.push('\n');
        out
    }
}

/// A step's name for a person.
fn step_label(t: &Texts, name: &str) -> String {
    match name {
        "policy" => tr_text!(t, "doctor-step-policy"),
        "host" => tr_text!(t, "doctor-step-host"),
        "credentials" => tr_text!(t, "doctor-step-credentials"),
        "customer lookup" => tr_text!(t, "doctor-step-lookup"),
        "photo download" => tr_text!(t, "doctor-step-download"),
        "photo decode" => tr_text!(t, "doctor-step-decode"),
        other => other.to_owned(),
    }
}

impl Report {}

/// The policy in force as JSON: where it was read and each pinned value.
fn policy_json(policy: &Policy) -> Value {
    json!({
        "source": policy.source,
        "host": policy.host,
        "lock_after_seconds": policy.lock_after_secs,
        "remember_password": policy.remember_password,
        "photo_changes": policy.photo_changes,
        "enrolment": policy.enrolment,
        "language": policy.language.map(crate::i18n::Language::code),
    })
}

/// Why `doctor` or `photo` has no credentials to sign in with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialsError {
    /// Neither `--user` nor `--client-key` was given.
    NoUser,
    /// The secret is not in `variable` and there is no terminal to ask on.
    NoTerminal { variable: &'static str },
}

impl CredentialsError {
    /// In the language the command speaks (`Display` is English).
    pub fn words(&self, t: &Texts) -> String {
        match self {
            CredentialsError::NoUser => tr_text!(t, "doctor-give-user"),
            CredentialsError::NoTerminal { variable } => {
                tr_text!(t, "no-terminal", variable = *variable)
            }
        }
    }
}

crate::display_in_english!(CredentialsError);

/// A till (`user`) or an OAuth client (`client_key`), the secret read by
/// [`read_secret`]. Shared with `customer-lookup photo`.
pub(crate) fn read_credentials(
    t: &Texts,
    user: Option<&String>,
    client_key: Option<&String>,
) -> Result<Credentials, CredentialsError> {
    match (client_key, user) {
        (Some(key), _) => read_secret(
            "CUSTOMER_LOOKUP_CLIENT_SECRET",
            &tr_text!(t, "prompt-client-secret", key = key.as_str()),
        )
        .map(|secret| Credentials::OAuth {
            client_key: key.clone(),
            client_secret: secret,
        }),
        (None, Some(user)) => read_secret(
            "CUSTOMER_LOOKUP_PASSWORD",
            &tr_text!(t, "prompt-password", user = user.as_str()),
        )
        .map(|password| Credentials::Till {
            username: user.clone(),
            password,
        }),
        (None, None) => Err(CredentialsError::NoUser),
    }
}

/// Reads a secret from the environment, else asks for it without echo when
/// run from a terminal (never from the command line, where `ps` shows it).
fn read_secret(env_name: &'static str, prompt: &str) -> Result<Secret, CredentialsError> {
    if let Ok(value) = std::env::var(env_name) {
        return Ok(Secret::new(value));
    }
    let no_terminal = CredentialsError::NoTerminal { variable: env_name };
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(no_terminal);
    }
    // A space after the prompt, which Fluent trims.
    rpassword::prompt_password(format!("{prompt} "))
        .map(Secret::new)
        .map_err(|_| no_terminal)
}

/// The language `doctor` and `photo` speak: the organisation's pin, else
/// the workstation's locale (English where the UI speaks neither).
pub(crate) fn texts_for(policy: Option<&Policy>) -> Texts {
    let choice = match policy.and_then(|p| p.language) {
        Some(language) => crate::i18n::LanguageChoice::Language(language),
        None => crate::i18n::LanguageChoice::Workstation,
    };
    Texts::for_choice(choice, crate::i18n::Locale::of_workstation())
}

/// Runs the checks; returns the process exit code (0 only if all passed).
pub async fn run(args: DoctorArgs, policy: Result<Policy, PolicyError>) -> i32 {
    let t = texts_for(policy.as_ref().ok());
    let report = check(&t, &args, policy).await;
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_text(&t));
    }
    if report.ok() { 0 } else { 1 }
}

async fn check(t: &Texts, args: &DoctorArgs, policy: Result<Policy, PolicyError>) -> Report {
    let mut report = Report::default();

    let started = Instant::now();
    let policy = policy.map(|p| {
        let summary = p.summary();
        (p, summary)
    });
    let Some(policy) = report.record(t, "policy", started, policy.map_err(CommandFailure::Policy))
    else {
        return report;
    };
    report.policy = Some(policy_json(&policy));

    let started = Instant::now();
    let overruled = matches!((&policy.host, &args.host),
        (Some(pinned), Some(asked)) if pinned.trim() != asked.trim());
    let host = match (&policy.host, &args.host) {
        (Some(pinned), _) => Ok(pinned.as_str()),
        (None, Some(asked)) => Ok(asked.as_str()),
        (None, None) => Err(CommandFailure::NoHost),
    };
    let host = host
        .and_then(|h| ApiHost::parse(h).map_err(CommandFailure::Host))
        .map(|h| {
            let address = h.to_string();
            let shown = if overruled {
                tr_text!(t, "doctor-host-pinned-overruled", host = address)
            } else if policy.host.is_some() {
                tr_text!(t, "doctor-host-pinned", host = address)
            } else {
                address
            };
            (h, shown)
        });
    let Some(host) = report.record(t, "host", started, host) else {
        return report;
    };

    let started = Instant::now();
    let credentials = read_credentials(t, args.user.as_ref(), args.client_key.as_ref())
        .map_err(CommandFailure::Credentials);
    let verified = match credentials
        .and_then(|c| CapillaryClient::new(host, c).map_err(CommandFailure::Api))
    {
        Ok(client) => match client.verify().await {
            Ok(()) => {
                let principal = client.credentials().principal();
                let detail = tr_text!(t, "doctor-accepted", principal = principal);
                Ok((client, detail))
            }
            Err(e) => Err(CommandFailure::Api(e)),
        },
        Err(e) => Err(e),
    };
    let Some(client) = report.record(t, "credentials", started, verified) else {
        return report;
    };

    let Some(spec) = &args.lookup else {
        return report;
    };
    let started = Instant::now();
    let lookup = Lookup::parse_spec(spec).map_err(CommandFailure::Lookup);
    let customer = match lookup {
        Ok(lookup) => client.lookup(&lookup).await.map_err(CommandFailure::Api),
        Err(e) => Err(e),
    };
    let customer = customer.map(|c| {
        let id = c
            .customer_id()
            .map_or_else(|| tr_text!(t, "doctor-no-id"), |id| id.to_string());
        let detail = tr_text!(t, "doctor-found", id = id);
        (c, detail)
    });
    let Some(customer) = report.record(t, "customer lookup", started, customer) else {
        return report;
    };
    report.customer = Some(json!({"id": customer.customer_id(), "name": customer.display_name()}));

    let started = Instant::now();
    let download = match client.download_photo(&customer).await {
        Ok(photo) => {
            let bytes = photo.bytes.len().to_string();
            let detail = if photo.url_was_refreshed {
                tr_text!(t, "doctor-bytes-refreshed", bytes = bytes)
            } else {
                tr_text!(t, "doctor-bytes", bytes = bytes)
            };
            Ok((Some(photo.bytes), detail))
        }
        Err(e) if e.kind == ErrorKind::NoPhoto => Ok((None, tr_text!(t, "doctor-no-photo"))),
        Err(e) => Err(CommandFailure::Api(e)),
    };
    let Some(Some(bytes)) = report.record(t, "photo download", started, download) else {
        return report;
    };

    let started = Instant::now();
    let frame = args.frame;
    #[expect(
        clippy::disallowed_methods,
        reason = "doctor is a command-line tool, not the app's UI thread"
    )]
    let decoded = tokio::task::spawn_blocking(move || {
        let limits = DecodeLimits::default();
        match frame {
            // Exactly what the app does before uploading the texture.
            Some(px) => prepare_photo(&bytes, px, &limits).map(|p| {
                (
                    p.format,
                    (p.width, p.height),
                    Some(p.texture.dimensions()),
                    bytes.len(),
                )
            }),
            None => {
                decode(&bytes, &limits).map(|p| (p.format, p.image.dimensions(), None, bytes.len()))
            }
        }
    })
    .await;
    let decoded = match decoded {
        Ok(Ok((format, (w, h), texture, len))) => {
            let mut photo = json!({"format": format.name(), "width": w, "height": h, "bytes": len});
            let mut detail = format!("{format} {w}×{h}");
            if let Some((tw, th)) = texture {
                photo["texture_width"] = json!(tw);
                photo["texture_height"] = json!(th);
                detail.push_str(&format!(", texture {tw}×{th}"));
            }
            report.photo = Some(photo);
            Ok(((), detail))
        }
        Ok(Err(e)) => Err(CommandFailure::Photo(e)),
        Err(_) => Err(CommandFailure::Crashed),
    };
    report.record(t, "photo decode", started, decoded);
    report
}
