//! Signing in and out: the login form checked, the sign-in asked for,
//! its answer applied as the request was when it started; "Remember
//! password" asked of the keyring and filled in; the session ended (by
//! the person, the idle lock or Capillary) with every customer byte
//! dropped. The runner owns what is live: the client, the demo tenant and
//! the keyring itself.

use super::{Effect, Link, Logic, WarmUp, Work};
use crate::capillary::{ApiError, ApiHost, Credentials};
use crate::config::{AuthScheme, HostChoice};
use crate::demo::{DEMO_CLIENT_KEY, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER};
use crate::secret::Secret;
use crate::state::{KeyringStatus, LoginForm, LoginProblem, Session};
use crate::vault::VaultError;

/// Where a sign-in goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Server {
    /// The built-in demo tenant (the runner starts it if needed).
    Demo,
    Api(ApiHost),
}

/// What a sign-in was started with: applied as it was when the check
/// returns, whatever the form says by then.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingLogin {
    /// The server, as it is saved in the settings.
    pub host: HostChoice,
    pub scheme: AuthScheme,
    /// What to do in the keyring when it succeeds: remember this secret for
    /// the account, or (`None`) forget it; `None` outside when there is no
    /// keyring.
    pub keyring: Option<(String, Option<Secret>)>,
}

/// A signed-in client, as the logic knows it (the runner keeps the
/// client itself).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub link: Link,
    /// Who signed in: the till or the OAuth client key.
    pub principal: String,
    /// The server's host and port, for the status bar.
    pub authority: String,
}

/// Why signing in did not work: Capillary's answer, or the demo tenant
/// that could not start.
#[derive(Debug, Clone)]
pub enum SignInError {
    Refused(ApiError),
    Problem(LoginProblem),
}

/// What the keyring said at start-up or after logging out.
#[derive(Debug)]
pub struct KeyringReport {
    pub available: Result<(), VaultError>,
    /// The account asked for and its remembered secret, if any.
    pub account: String,
    pub remembered: Option<Secret>,
}

impl Logic {
    /// Checks the login form and asks for the sign-in.
    pub(super) fn start_login(&mut self, fx: &mut Vec<Effect>) {
        let form = &self.state.login;
        if form.pending {
            return; // one sign-in at a time
        }
        let server = match &form.host {
            HostChoice::Demo => Ok(Server::Demo),
            HostChoice::Cluster(cluster) => ApiHost::parse(cluster.url())
                .map(Server::Api)
                .map_err(LoginProblem::BadHost),
            HostChoice::Custom(_) => ApiHost::parse(&form.custom_url)
                .map(Server::Api)
                .map_err(LoginProblem::BadHost),
        };
        let credentials = match form.scheme {
            AuthScheme::Till if form.username.trim().is_empty() => Err(LoginProblem::EnterUsername),
            AuthScheme::Till if form.password.is_empty() => Err(LoginProblem::EnterPassword),
            AuthScheme::OAuth if form.client_key.trim().is_empty() => {
                Err(LoginProblem::EnterClientKey)
            }
            AuthScheme::OAuth if form.client_secret.is_empty() => {
                Err(LoginProblem::EnterClientSecret)
            }
            AuthScheme::Till => Ok(Credentials::Till {
                username: form.username.trim().to_owned(),
                password: form.password.clone(),
            }),
            AuthScheme::OAuth => Ok(Credentials::OAuth {
                client_key: form.client_key.trim().to_owned(),
                client_secret: form.client_secret.clone(),
            }),
        };
        let (server, credentials) = match (server, credentials) {
            (Ok(s), Ok(c)) => (s, c),
            (Err(e), _) | (_, Err(e)) => {
                self.state.login.error = Some(e);
                self.state.login.focus_first_empty = true;
                return;
            }
        };
        let login = &mut self.state.login;
        login.error = None;
        login.pending = true;
        let pending = PendingLogin {
            host: match &login.host {
                HostChoice::Custom(_) => HostChoice::Custom(login.custom_url.trim().to_owned()),
                other => other.clone(),
            },
            scheme: login.scheme,
            keyring: (login.keyring == KeyringStatus::Available).then(|| {
                let secret = login.remember.then(|| login.secret().clone());
                (login.keyring_account(), secret)
            }),
        };
        fx.push(Effect::Start(Work::LogIn {
            pending,
            server,
            credentials,
            language: self.state.texts.language().code(),
        }));
    }

    /// Applies the sign-in's answer, as the request was when it started.
    pub(super) fn finish_login(
        &mut self,
        pending: PendingLogin,
        result: Result<SignedIn, SignInError>,
        fx: &mut Vec<Effect>,
    ) {
        self.state.login.pending = false;
        let signed_in = match result {
            Ok(signed_in) => signed_in,
            Err(SignInError::Problem(problem)) => {
                self.state.login.error = Some(problem);
                self.state.login.focus_first_empty = true;
                return;
            }
            Err(SignInError::Refused(error)) => {
                tracing::info!(error = %error.kind, "sign-in failed");
                self.state.last_failed_request_id = error.request_id.clone();
                let form = &mut self.state.login;
                form.error = Some(LoginProblem::SignInFailed(error));
                form.password = Secret::default();
                form.client_secret = Secret::default();
                form.focus_first_empty = true;
                return;
            }
        };
        let host_label = match &pending.host {
            HostChoice::Demo => crate::tr_text!(self.state.texts, "host-demo"),
            HostChoice::Cluster(c) => c.label().to_owned(),
            HostChoice::Custom(_) => signed_in.authority.clone(),
        };
        let settings = &mut self.state.settings;
        settings.host = pending.host;
        settings.auth_scheme = pending.scheme;
        settings.username = signed_in.principal.clone();
        if let Some((account, secret)) = pending.keyring {
            settings.remember_password = secret.is_some();
            fx.push(Effect::UpdateKeyring { account, secret });
        }
        let form = &mut self.state.login;
        form.clear_secrets();
        form.error = None;
        tracing::info!(host = %signed_in.authority, "signed in");
        self.state.session = Some(Session {
            host_label,
            user: signed_in.principal,
        });
        self.state.lookup.request_focus = true;
        let now = self.clock.now();
        self.idle.reset(now);
        self.warm = WarmUp::default();
        self.warm.used_api(now);
        self.link = Some(signed_in.link);
    }

    /// Ends the session: every job, photo and customer byte goes, and the
    /// login panel shows with the username kept (and `problem`, if any).
    pub(super) fn end_session(&mut self, problem: Option<LoginProblem>, fx: &mut Vec<Effect>) {
        fx.push(Effect::EndSession);
        self.link = None;
        self.photo_cache.clear();
        self.state.session = None;
        self.state.wipe_customer_data();
        let keyring = std::mem::take(&mut self.state.login.keyring);
        self.state.login = LoginForm::from_settings(&self.state.settings);
        self.state.login.keyring = keyring;
        if self.state.login.host == HostChoice::Demo {
            self.prefill_demo_credentials();
        }
        if matches!(problem, Some(LoginProblem::Locked { .. })) {
            // The password is asked again, even the demo's.
            self.state.login.clear_secrets();
        }
        self.state.login.error = problem;
        tracing::info!("signed out; customer data wiped");
    }

    /// Fills the demo's public credentials in, keeping a typed username.
    pub(super) fn prefill_demo_credentials(&mut self) {
        let login = &mut self.state.login;
        if login.username.is_empty() {
            login.username = DEMO_USER.to_owned();
        }
        if login.password.is_empty() && login.username == DEMO_USER {
            login.password = Secret::new(DEMO_PASSWORD);
        }
        if login.client_key.is_empty() {
            login.client_key = DEMO_CLIENT_KEY.to_owned();
            login.client_secret = Secret::new(DEMO_CLIENT_SECRET);
        }
    }

    /// Asks the keyring (when there is one) whether "Remember password"
    /// can be offered, and for the remembered secret when it was chosen.
    pub(super) fn ask_keyring(&mut self, fx: &mut Vec<Effect>) {
        if !self.keyring {
            return;
        }
        let login = &mut self.state.login;
        if login.keyring != KeyringStatus::Available {
            login.keyring = KeyringStatus::Checking;
        }
        fx.push(Effect::Start(Work::AskKeyring {
            account: login.keyring_account(),
            load: self.state.settings.remember_password,
        }));
    }

    pub(super) fn finish_keyring(&mut self, report: KeyringReport) {
        let login = &mut self.state.login;
        login.keyring = match report.available {
            Ok(()) => {
                tracing::info!("remember password offered");
                KeyringStatus::Available
            }
            Err(reason) => {
                tracing::info!(%reason, "remember password not offered");
                login.remember = false;
                KeyringStatus::Unavailable(reason)
            }
        };
        // Only into an untouched form for the same account.
        if let Some(secret) = report.remembered
            && self.state.session.is_none()
            && !login.pending
            && login.keyring_account() == report.account
            && login.secret().is_empty()
        {
            match login.scheme {
                AuthScheme::Till => login.password = secret,
                AuthScheme::OAuth => login.client_secret = secret,
            }
            login.remembered_for = Some(report.account);
            login.focus_first_empty = true;
            tracing::info!("remembered password filled in");
        }
    }
}
