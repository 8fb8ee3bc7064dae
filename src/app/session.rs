//! Signing in and out: the login check, the built-in demo tenant, and
//! "Remember password" in the system keyring.

use super::App;
use super::jobs::{self, Job, KeyringReport, LoginOutcome, PendingLogin};
use crate::capillary::{ApiHost, CapillaryClient, ClientConfig, Credentials};
use crate::config::{AuthScheme, HostChoice};
use crate::demo::{DEMO_CLIENT_KEY, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER, DemoServer};
use crate::logic::{Link, Msg};
use crate::secret::Secret;
use crate::state::{KeyringStatus, LoginForm, LoginProblem, Session};
use crate::vault::Vault;

impl App {
    /// Checks the login form and starts the sign-in in the background.
    pub(super) fn start_login(&mut self, ctx: &egui::Context) {
        if self.jobs.login.is_some() {
            return;
        }
        let form = &self.logic.state.login;
        let host = match &form.host {
            HostChoice::Demo => None,
            HostChoice::Cluster(cluster) => {
                Some(ApiHost::parse(cluster.url()).map_err(LoginProblem::BadHost))
            }
            HostChoice::Custom(_) => {
                Some(ApiHost::parse(&form.custom_url).map_err(LoginProblem::BadHost))
            }
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
        let host = match host {
            None => self.demo_host(),
            Some(h) => h,
        };
        let (host, credentials) = match (host, credentials) {
            (Ok(h), Ok(c)) => (h, c),
            (Err(e), _) | (_, Err(e)) => {
                self.logic.state.login.error = Some(e);
                self.logic.state.login.focus_first_empty = true;
                return;
            }
        };
        let login = &mut self.logic.state.login;
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
        let config = ClientConfig {
            language: Some(self.logic.state.texts.language().code()),
            ..self.client_config.clone()
        };
        let client = CapillaryClient::with_config(host, credentials, config);
        self.jobs.login = Some(Job::spawn(ctx, jobs::log_in(pending, client)));
    }

    /// Applies the sign-in's answer, as the request was when it started.
    pub(super) fn finish_login(&mut self, ctx: &egui::Context, (pending, result): LoginOutcome) {
        self.logic.state.login.pending = false;
        match result {
            Ok(client) => {
                let host_label = match &pending.host {
                    HostChoice::Demo => crate::tr_text!(self.logic.state.texts, "host-demo"),
                    HostChoice::Cluster(c) => c.label().to_owned(),
                    HostChoice::Custom(_) => client.host().authority(),
                };
                let settings = &mut self.logic.state.settings;
                settings.host = pending.host;
                settings.auth_scheme = pending.scheme;
                settings.username = client.credentials().principal().to_owned();
                if let Some((account, secret)) = pending.keyring
                    && let Some(vault) = self.vault.clone()
                {
                    settings.remember_password = secret.is_some();
                    jobs::update_keyring(vault, account, secret);
                }
                let form = &mut self.logic.state.login;
                form.clear_secrets();
                form.error = None;
                tracing::info!(host = %client.host(), "signed in");
                self.logic.state.session = Some(Session {
                    host_label,
                    user: client.credentials().principal().to_owned(),
                });
                let link = Link {
                    api_origin: client.api_origin(),
                    lookup_connections: client.api_connections_for_a_lookup(),
                };
                self.client = Some(client);
                self.logic.state.lookup.request_focus = true;
                self.send(ctx, Msg::SignedIn(link));
            }
            Err(error) => {
                tracing::info!(error = %error.kind, "sign-in failed");
                self.logic.state.last_failed_request_id = error.request_id.clone();
                let form = &mut self.logic.state.login;
                form.error = Some(LoginProblem::SignInFailed(error));
                form.password = Secret::default();
                form.client_secret = Secret::default();
                form.focus_first_empty = true;
            }
        }
    }

    /// Ends the session: drops every job, photo and customer byte and shows
    /// the login panel with the username kept.
    pub(super) fn log_out(&mut self, ctx: &egui::Context) {
        self.jobs = jobs::Jobs::default();
        self.client = None;
        self.send(ctx, Msg::SignedOut);
        let keyring = std::mem::take(&mut self.logic.state.login.keyring);
        self.logic.state.login = LoginForm::from_settings(&self.logic.state.settings);
        self.logic.state.login.keyring = keyring;
        if self.logic.state.login.host == HostChoice::Demo {
            self.prefill_demo_credentials();
        }
        tracing::info!("signed out; customer data wiped");
    }

    /// Fills the demo's public credentials in, keeping a typed username.
    pub(super) fn prefill_demo_credentials(&mut self) {
        let login = &mut self.logic.state.login;
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

    /// Starts the demo tenant if it is not running; returns its host.
    fn demo_host(&mut self) -> Result<ApiHost, LoginProblem> {
        if let Some(server) = &self.demo {
            return Ok(server.host());
        }
        let server = DemoServer::start(self.demo_config.clone())
            .map_err(|e| LoginProblem::DemoDidNotStart { why: e.to_string() })?;
        let host = server.host();
        self.demo = Some(server);
        Ok(host)
    }

    /// Offers "Remember password" backed by `vault` (the OS keyring in the
    /// app, an in-memory store in tests): checks it in the background and
    /// fills in the remembered secret when the person chose that.
    pub fn set_vault(&mut self, ctx: &egui::Context, vault: Vault) {
        self.vault = Some(vault);
        self.ask_keyring(ctx);
    }

    pub(super) fn ask_keyring(&mut self, ctx: &egui::Context) {
        let Some(vault) = self.vault.clone() else {
            return;
        };
        let login = &mut self.logic.state.login;
        if login.keyring != KeyringStatus::Available {
            login.keyring = KeyringStatus::Checking;
        }
        let load = self.logic.state.settings.remember_password;
        let work = jobs::ask_keyring(vault, login.keyring_account(), load);
        self.jobs.keyring = Some(Job::spawn(ctx, work));
    }

    pub(super) fn finish_keyring(&mut self, report: KeyringReport) {
        let login = &mut self.logic.state.login;
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
            && self.logic.state.session.is_none()
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
