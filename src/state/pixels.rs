//! Pictures on screen as plain data. The state holds pixels, never
//! textures: they are prepared off the UI thread (decoded, scaled, laid
//! out as egui takes them), and the app's runner keeps one texture per
//! picture for as long as the state shows it (see `app::textures`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Pixels ready to be drawn. Cloning shares them; two clones are the same
/// picture (one texture). [`ShownPixels::replaced_by`] keeps the picture
/// and changes its pixels (the camera's next frame updates one texture in
/// place instead of making a new one thirty times a second).
#[derive(Clone)]
pub struct ShownPixels {
    id: u64,
    version: u64,
    /// Mipmapped: a photo prepared for the enlarged view and drawn smaller.
    mipmaps: bool,
    image: Arc<egui::ColorImage>,
}

/// Each picture's id: unique for the life of the process.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl ShownPixels {
    /// A customer's photo or thumbnail (drawn smaller than prepared, so
    /// mipmapped).
    pub fn photo(image: Arc<egui::ColorImage>) -> Self {
        Self::new(image, true)
    }

    /// A preview drawn at about its own size (camera frames, the crop).
    pub fn preview(image: Arc<egui::ColorImage>) -> Self {
        Self::new(image, false)
    }

    fn new(image: Arc<egui::ColorImage>, mipmaps: bool) -> Self {
        Self {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            version: 0,
            mipmaps,
            image,
        }
    }

    /// The same picture with new pixels.
    pub fn replaced_by(&self, image: Arc<egui::ColorImage>) -> Self {
        Self {
            id: self.id,
            version: self.version.wrapping_add(1),
            mipmaps: self.mipmaps,
            image,
        }
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn mipmaps(&self) -> bool {
        self.mipmaps
    }

    pub fn image(&self) -> &Arc<egui::ColorImage> {
        &self.image
    }

    /// Width and height in pixels.
    pub fn size(&self) -> [usize; 2] {
        self.image.size
    }
}

/// A picture for the photo dialog (read from the clipboard or a file, or
/// a camera frame): its pixels for cropping and sending, and the same
/// laid out for a texture. Made off the UI thread.
#[derive(Debug, Clone)]
pub struct WorkingPicture {
    pub rgba: Arc<image::RgbaImage>,
    pub pixels: Arc<egui::ColorImage>,
}

impl WorkingPicture {
    /// Both forms of `rgba` (a copy: not for the UI thread).
    pub fn new(rgba: image::RgbaImage) -> Self {
        Self {
            pixels: Arc::new(color_image(&rgba)),
            rgba: Arc::new(rgba),
        }
    }
}

/// Pixels as egui takes them for a texture (a copy: not for the UI thread).
pub fn color_image(pixels: &image::RgbaImage) -> egui::ColorImage {
    let size = [pixels.width() as usize, pixels.height() as usize];
    egui::ColorImage::from_rgba_unmultiplied(size, pixels.as_raw())
}

impl std::fmt::Debug for ShownPixels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [w, h] = self.size();
        write!(f, "ShownPixels(#{} {w}×{h})", self.id)
    }
}

impl PartialEq for ShownPixels {
    fn eq(&self, other: &Self) -> bool {
        (self.id, self.version) == (other.id, other.version)
    }
}
