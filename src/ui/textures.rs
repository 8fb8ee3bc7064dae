//! The textures of the pictures the state shows: made on the UI thread
//! from pixels prepared elsewhere, one per picture, updated in place when
//! a picture's pixels change, and dropped (freed on the GPU) as soon as
//! the state stops showing the picture, so a lock or a new lookup leaves
//! no customer's face in video memory.

use crate::state::ShownPixels;
use std::collections::HashMap;

/// One texture per picture on screen.
#[derive(Default)]
pub struct Textures {
    by_picture: HashMap<u64, (u64, egui::TextureHandle)>,
}

impl std::fmt::Debug for Textures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Textures({} live)", self.by_picture.len())
    }
}

impl Textures {
    /// Makes the textures of `shown` that do not exist yet, updates those
    /// whose pixels changed, and drops every other.
    pub fn sync<'a>(
        &mut self,
        ctx: &egui::Context,
        shown: impl IntoIterator<Item = &'a ShownPixels>,
    ) {
        let mut kept = HashMap::with_capacity(self.by_picture.len());
        for pixels in shown {
            let entry = match self.by_picture.remove(&pixels.id()) {
                Some((version, texture)) if version == pixels.version() => (version, texture),
                Some((_, mut texture)) => {
                    texture.set(image_data(pixels), options(pixels));
                    (pixels.version(), texture)
                }
                None => {
                    let name = format!("picture-{}", pixels.id());
                    let texture = ctx.load_texture(name, image_data(pixels), options(pixels));
                    (pixels.version(), texture)
                }
            };
            kept.insert(pixels.id(), entry);
        }
        // What is left was not shown any more: dropped here, freed by egui.
        self.by_picture = kept;
    }

    /// The texture of a picture on screen (`None` before the next sync).
    pub fn get(&self, pixels: &ShownPixels) -> Option<&egui::TextureHandle> {
        self.by_picture
            .get(&pixels.id())
            .filter(|(version, _)| *version == pixels.version())
            .map(|(_, texture)| texture)
    }

    /// How many textures are alive (for tests).
    #[cfg(feature = "testing")]
    pub fn len(&self) -> usize {
        self.by_picture.len()
    }

    #[cfg(feature = "testing")]
    pub fn is_empty(&self) -> bool {
        self.by_picture.is_empty()
    }
}

/// Shares the pixels with egui (no copy on the UI thread).
fn image_data(pixels: &ShownPixels) -> egui::ImageData {
    egui::ImageData::Color(pixels.image().clone())
}

/// Photos are prepared for the enlarged view and drawn smaller too:
/// mipmaps keep them smooth.
fn options(pixels: &ShownPixels) -> egui::TextureOptions {
    if pixels.mipmaps() {
        egui::TextureOptions {
            mipmap_mode: Some(egui::TextureFilter::Linear),
            ..egui::TextureOptions::LINEAR
        }
    } else {
        egui::TextureOptions::LINEAR
    }
}
