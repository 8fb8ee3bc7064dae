//! The portrait crop of a new photo: which part of the (upright) picture
//! is sent. Pure geometry, no egui, so the preview's behaviour is tested
//! here and the UI only draws it.
//!
//! The crop always has the profile's portrait shape ([`PORTRAIT_ASPECT`]),
//! starts as the largest such rectangle centred in the picture, never
//! leaves the picture, and can be zoomed in only as far as the result
//! still has [`MIN_SHORT_SIDE`] pixels across.

use super::upload::MIN_SHORT_SIDE;
use image::RgbaImage;

/// Width over height of the crop: 3:4, as ID-card photos are.
pub const PORTRAIT_ASPECT: f32 = 3.0 / 4.0;
/// The preview works on the picture scaled to this long side: enough for
/// the 1200 px upload and small enough to rotate at once.
pub const WORKING_LONG_SIDE: u32 = 1600;
/// Zooming in never goes further than this.
pub const MAX_ZOOM: f32 = 4.0;
/// One zoom step (a key press or a notch of the wheel).
pub const ZOOM_STEP: f32 = 1.1;

/// Where the crop sits in a picture of a given size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CropView {
    /// The crop's centre, in picture pixels.
    pub centre: [f32; 2],
    /// 1 is the largest crop; 2 shows half as much in each direction.
    pub zoom: f32,
}

/// A crop in whole pixels: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CropRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// The largest portrait rectangle that fits in `width`×`height`.
fn largest_portrait(width: u32, height: u32) -> (f32, f32) {
    let (w, h) = (width as f32, height as f32);
    if w / h > PORTRAIT_ASPECT {
        (h * PORTRAIT_ASPECT, h)
    } else {
        (w, w / PORTRAIT_ASPECT)
    }
}

impl CropView {
    /// The default: the largest portrait crop, centred.
    pub fn centred(width: u32, height: u32) -> Self {
        Self {
            centre: [width as f32 / 2.0, height as f32 / 2.0],
            zoom: 1.0,
        }
    }

    /// How far this picture can be zoomed in: the crop keeps at least
    /// [`MIN_SHORT_SIDE`] pixels across, and never more than [`MAX_ZOOM`].
    pub fn max_zoom(width: u32, height: u32) -> f32 {
        let (crop_width, _) = largest_portrait(width, height);
        (crop_width / MIN_SHORT_SIDE as f32).clamp(1.0, MAX_ZOOM)
    }

    /// The crop's size in picture pixels (fractional).
    fn size(&self, width: u32, height: u32) -> (f32, f32) {
        let (w, h) = largest_portrait(width, height);
        (w / self.zoom, h / self.zoom)
    }

    /// Keeps the zoom in range and the crop inside the picture.
    pub fn clamped(mut self, width: u32, height: u32) -> Self {
        self.zoom = self.zoom.clamp(1.0, Self::max_zoom(width, height));
        let (w, h) = self.size(width, height);
        let clamp_axis = |centre: f32, half: f32, side: f32| {
            if side <= 2.0 * half {
                side / 2.0
            } else {
                centre.clamp(half, side - half)
            }
        };
        self.centre = [
            clamp_axis(self.centre[0], w / 2.0, width as f32),
            clamp_axis(self.centre[1], h / 2.0, height as f32),
        ];
        self
    }

    /// Moves the crop by `delta` picture pixels (it stays inside).
    pub fn panned(mut self, delta: [f32; 2], width: u32, height: u32) -> Self {
        self.centre = [self.centre[0] + delta[0], self.centre[1] + delta[1]];
        self.clamped(width, height)
    }

    /// Zooms by `factor` (above 1 shows less), keeping the centre.
    pub fn zoomed(mut self, factor: f32, width: u32, height: u32) -> Self {
        self.zoom *= factor;
        self.clamped(width, height)
    }

    /// The crop in whole pixels, inside the picture.
    pub fn rect(&self, width: u32, height: u32) -> CropRect {
        let view = self.clamped(width, height);
        let (w, h) = view.size(width, height);
        let crop_width = (w.round() as u32).clamp(1, width.max(1));
        let crop_height = (h.round() as u32).clamp(1, height.max(1));
        let left = (view.centre[0] - w / 2.0).round().max(0.0) as u32;
        let top = (view.centre[1] - h / 2.0).round().max(0.0) as u32;
        CropRect {
            x: left.min(width.saturating_sub(crop_width)),
            y: top.min(height.saturating_sub(crop_height)),
            width: crop_width,
            height: crop_height,
        }
    }
}

/// The cropped pixels.
pub fn crop(image: &RgbaImage, rect: CropRect) -> RgbaImage {
    image::imageops::crop_imm(image, rect.x, rect.y, rect.width, rect.height).to_image()
}

/// The picture turned `quarters` quarter turns clockwise; `None` when
/// that leaves it as it is (a multiple of four).
pub fn rotate_quarters(image: &RgbaImage, quarters: u8) -> Option<RgbaImage> {
    match quarters % 4 {
        1 => Some(image::imageops::rotate90(image)),
        2 => Some(image::imageops::rotate180(image)),
        3 => Some(image::imageops::rotate270(image)),
        _ => None,
    }
}

/// Scales a picture down so its long side is at most [`WORKING_LONG_SIDE`]
/// (never up).
pub fn working_copy(image: RgbaImage) -> RgbaImage {
    let (width, height) = image.dimensions();
    let (w, h) = super::fitted_size(width, height, WORKING_LONG_SIDE);
    if (w, h) == (width, height) {
        image
    } else {
        image::imageops::resize(&image, w, h, image::imageops::FilterType::Triangle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_largest_centred_portrait() {
        let landscape = CropView::centred(1600, 1200).rect(1600, 1200);
        assert_eq!(
            landscape,
            CropRect {
                x: 350,
                y: 0,
                width: 900,
                height: 1200
            }
        );
        let portrait = CropView::centred(900, 1600).rect(900, 1600);
        assert_eq!(
            portrait,
            CropRect {
                x: 0,
                y: 200,
                width: 900,
                height: 1200
            }
        );
    }

    #[test]
    fn panning_stops_at_the_edges() {
        let view = CropView::centred(1600, 1200).panned([10_000.0, 0.0], 1600, 1200);
        let rect = view.rect(1600, 1200);
        assert_eq!(rect.x + rect.width, 1600);
        let view = view.panned([-20_000.0, -50.0], 1600, 1200);
        assert_eq!(view.rect(1600, 1200).x, 0);
        // At zoom 1 a landscape picture's crop is full height: no vertical room.
        assert_eq!(view.rect(1600, 1200).y, 0);
    }

    #[test]
    fn zoom_keeps_enough_pixels_and_stays_inside() {
        let view = CropView::centred(1600, 1200).zoomed(100.0, 1600, 1200);
        let rect = view.rect(1600, 1200);
        assert!(rect.width >= MIN_SHORT_SIDE, "{rect:?}");
        assert!(rect.width < 900);
        let zoomed_in = CropView::centred(1600, 1200)
            .zoomed(2.0, 1600, 1200)
            .panned([0.0, 10_000.0], 1600, 1200)
            .rect(1600, 1200);
        assert_eq!(zoomed_in.y + zoomed_in.height, 1200);
        let back_out = CropView::centred(1600, 1200).zoomed(0.01, 1600, 1200);
        assert_eq!(back_out.zoom, 1.0);
    }

    #[test]
    fn a_small_picture_cannot_zoom() {
        assert_eq!(CropView::max_zoom(400, 400), 1.0);
        let rect = CropView::centred(10, 10).zoomed(3.0, 10, 10).rect(10, 10);
        assert!(rect.x + rect.width <= 10 && rect.y + rect.height <= 10);
    }

    #[test]
    fn crop_and_rotate_take_the_right_pixels() {
        let mut image = RgbaImage::new(4, 2);
        image.put_pixel(3, 0, image::Rgba([255, 0, 0, 255]));
        let turned = rotate_quarters(&image, 1).unwrap();
        assert_eq!(turned.dimensions(), (2, 4));
        // Clockwise: the top-right corner goes to the bottom-right.
        assert_eq!(turned.get_pixel(1, 3).0, [255, 0, 0, 255]);
        let half = rotate_quarters(&image, 2).unwrap();
        assert_eq!(half.get_pixel(0, 1).0, [255, 0, 0, 255], "upside down");
        let back = rotate_quarters(&image, 3).unwrap();
        assert_eq!(back.get_pixel(0, 0).0, [255, 0, 0, 255], "anticlockwise");
        assert!(rotate_quarters(&image, 4).is_none(), "a full turn");
        let piece = crop(
            &image,
            CropRect {
                x: 2,
                y: 0,
                width: 2,
                height: 1,
            },
        );
        assert_eq!(piece.get_pixel(1, 0).0, [255, 0, 0, 255]);
    }

    #[test]
    fn working_copies_are_never_enlarged() {
        assert_eq!(
            working_copy(RgbaImage::new(800, 600)).dimensions(),
            (800, 600)
        );
        assert_eq!(
            working_copy(RgbaImage::new(4000, 3000)).dimensions(),
            (1600, 1200)
        );
    }
}
