//! The photo pipeline's integration tests, one binary (a module per
//! suite): real files in every format users have, made in code or
//! committed (`testkit`), and the demo tenant's own photos. Nothing here
//! links a GUI or a network client. Run one suite with `cargo test -p photo
//! --test it SUITE::`.

mod demo_photos;
mod photo_formats;
mod photo_upload;
