//! Reading the clipboard for Ctrl+V ourselves, off the UI thread: egui's
//! own paste reads it on the UI thread, decodes a picture there too, and
//! on X11 gets nothing for a picture of a few megabytes (arboard gives up
//! when the owner pauses 10 ms between the chunks of a large transfer), so
//! Ctrl+V did nothing at all. Here a picture comes back as its file bytes
//! (PNG, JPEG…) for the photo pipeline, up to [`MAX_PASTE_BYTES`].

#[cfg(target_os = "linux")]
mod x11;

/// The largest picture taken from the clipboard.
pub const MAX_PASTE_BYTES: usize = 20 * 1024 * 1024;

/// What Ctrl+V found.
#[derive(Debug)]
pub enum Pasted {
    Text(String),
    /// A picture's file bytes (X11: PNG or JPEG as the owner offered it).
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Encoded(Vec<u8>),
    /// A picture as pixels (Windows and macOS hand over a bitmap).
    Pixels {
        width: usize,
        height: usize,
        rgba: Vec<u8>,
    },
    /// Neither text nor a picture.
    Nothing,
}

/// Why the clipboard could not be read.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ClipboardError {
    #[error("The clipboard could not be opened ({0}).")]
    Unavailable(String),
    #[error("The picture on the clipboard is larger than {} MB.", MAX_PASTE_BYTES / (1024 * 1024))]
    TooLarge,
    #[error(
        "The program that copied it stopped answering before the picture arrived. Copy it again."
    )]
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))] // X11's chunked transfers
    TimedOut,
}

/// Reads the clipboard: a picture when one is offered and `want_picture`,
/// else text. Blocking; call it off the UI thread.
pub fn read(want_picture: bool) -> Result<Pasted, ClipboardError> {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_some() {
        return x11::read(want_picture);
    }
    read_with_arboard(want_picture)
}

/// Windows, macOS (and Linux without X11): arboard, whose bitmaps arrive
/// whole.
fn read_with_arboard(want_picture: bool) -> Result<Pasted, ClipboardError> {
    let mut clipboard =
        arboard::Clipboard::new().map_err(|e| ClipboardError::Unavailable(e.to_string()))?;
    if want_picture && let Ok(image) = clipboard.get_image() {
        if image.bytes.len() > MAX_PASTE_BYTES * 4 {
            return Err(ClipboardError::TooLarge);
        }
        return Ok(Pasted::Pixels {
            width: image.width,
            height: image.height,
            rgba: image.bytes.into_owned(),
        });
    }
    match clipboard.get_text() {
        Ok(text) if !text.is_empty() => Ok(Pasted::Text(text)),
        _ => Ok(Pasted::Nothing),
    }
}
