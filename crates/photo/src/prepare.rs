//! Fitting a photo to its frame and flattening transparency: the small
//! rules the photo pipeline applies to every format.

use image::{Rgba, RgbaImage};

/// The largest texture side wgpu and most GL drivers accept.
pub const MAX_TEXTURE_SIDE: u32 = 8192;

/// The neutral grey transparent photos are composited over, so a PNG with
/// a transparent background looks the same in light and dark themes.
pub const NEUTRAL_BACKGROUND: [u8; 3] = [0xE6, 0xE6, 0xE6];

/// The size that fits `(width, height)` inside a `frame_px` square, keeping
/// the aspect ratio, never enlarging, never over [`MAX_TEXTURE_SIDE`].
pub fn fitted_size(width: u32, height: u32, frame_px: u32) -> (u32, u32) {
    let limit = frame_px.clamp(1, MAX_TEXTURE_SIDE);
    let longest = width.max(height);
    if longest <= limit {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(limit) / f64::from(longest);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w.min(limit), h.min(limit))
}

/// Composites transparent pixels over [`NEUTRAL_BACKGROUND`].
pub(crate) fn flatten_alpha(image: &mut RgbaImage) {
    for Rgba(px) in image.pixels_mut() {
        let alpha = u16::from(px[3]);
        if alpha == 255 {
            continue;
        }
        for (c, bg) in px.iter_mut().take(3).zip(NEUTRAL_BACKGROUND) {
            *c = ((u16::from(*c) * alpha + u16::from(bg) * (255 - alpha) + 127) / 255) as u8;
        }
        px[3] = 255;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_inside_the_frame() {
        assert_eq!(fitted_size(4000, 3000, 480), (480, 360));
        assert_eq!(fitted_size(3000, 4000, 480), (360, 480));
        assert_eq!(fitted_size(200, 100, 480), (200, 100), "never enlarged");
        assert_eq!(
            fitted_size(20_000, 10, 100_000),
            (8192, 4),
            "capped at the texture limit"
        );
        assert_eq!(fitted_size(10_000, 1, 100), (100, 1), "never zero");
    }

    #[test]
    fn transparency_becomes_neutral_grey() {
        let mut image = RgbaImage::from_pixel(2, 2, Rgba([255, 0, 0, 0]));
        image.put_pixel(0, 0, Rgba([255, 0, 0, 255]));
        let mut out = image.clone();
        flatten_alpha(&mut out);
        assert_eq!(out.get_pixel(0, 0), &Rgba([255, 0, 0, 255]));
        let [r, g, b] = NEUTRAL_BACKGROUND;
        assert_eq!(out.get_pixel(1, 1), &Rgba([r, g, b, 255]));
    }
}
