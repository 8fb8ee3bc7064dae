//! "Choose file…": the system's file dialog (rfd: the XDG desktop portal
//! or zenity on Linux, the common dialog on Windows, NSOpenPanel on macOS)
//! behind a small trait, so the rest of the flow is tested with a picker
//! that names a file without a dialog.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

/// What the person picked, once the dialog closes; `None` when they
/// cancelled (or no dialog could be shown).
pub type Picked = Pin<Box<dyn Future<Output = Option<PathBuf>> + Send>>;

/// Asks the person for a picture file.
pub trait FilePicker: Send + Sync + std::fmt::Debug {
    fn pick(&self) -> Picked;
}

/// The extensions the dialog offers (every format the viewer reads).
pub const PICTURE_EXTENSIONS: [&str; 9] = [
    "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "jfif",
];

/// The system's own file dialog.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemFilePicker;

impl FilePicker for SystemFilePicker {
    fn pick(&self) -> Picked {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Choose the customer's new photo")
            .add_filter("Pictures", &PICTURE_EXTENSIONS)
            .pick_file();
        Box::pin(async move { dialog.await.map(|file| file.path().to_path_buf()) })
    }
}
