//! Preparing a new photo for upload (issue 13, "What is sent"): upright,
//! no metadata, at most 1200 px, never enlarged, JPEG of about quality 85
//! between 10 KB and 2 MB; refused in words when too small, not a photo
//! or over 49 MB.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use demo::photos::{jpeg, png, with_exif_orientation};
use photo::{
    DecodeLimits, MAX_UPLOAD_BYTES, MIN_UPLOAD_BYTES, PhotoError, UploadError, decode,
    prepare_upload, upload_from_pixels,
};
use testkit::photos::{assert_upright, detailed, quadrants, stored_for_orientation};

/// The JPEG segments before the image data: (marker, payload).
fn segments(jpeg: &[u8]) -> Vec<(u8, Vec<u8>)> {
    assert_eq!(&jpeg[..2], [0xFF, 0xD8], "not a JPEG");
    let mut out = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        if marker == 0xDA {
            break; // start of scan: pixels follow
        }
        let length = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        out.push((marker, jpeg[at + 4..at + 2 + length].to_vec()));
        at += 2 + length;
    }
    out
}

/// A JPEG stored sideways (as phones do) with an EXIF block that holds
/// orientation 6 and, after it, a GPS-looking string and a camera comment
/// (metadata that must not leave); upright it is `width`×`height`.
fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let upright = detailed(width, height);
    let stored = stored_for_orientation(&upright, 6);
    let mut bytes = jpeg(&stored, 90).unwrap();
    let comment = b"GPS 12.9716N 77.5946E Pixel 8";
    let mut com = vec![0xFF, 0xFE];
    com.extend_from_slice(&u16::try_from(comment.len() + 2).unwrap().to_be_bytes());
    com.extend_from_slice(comment);
    bytes.splice(2..2, com);
    // EXIF first, right after the start marker, as cameras write it.
    with_exif_orientation(&bytes, 6)
}

#[test]
fn a_phone_photo_is_turned_upright_scaled_and_stripped() {
    let source = phone_photo(1500, 2000); // stored 2000×1500, turned by EXIF
    let upload = prepare_upload(&source, &DecodeLimits::default()).unwrap();
    assert_eq!((upload.width, upload.height), (900, 1200));
    assert_eq!(upload.quality, 85);
    assert!(
        (MIN_UPLOAD_BYTES..=MAX_UPLOAD_BYTES).contains(&upload.jpeg.len()),
        "{} bytes",
        upload.jpeg.len()
    );
    for (marker, payload) in segments(&upload.jpeg) {
        assert_ne!(marker, 0xE1, "an APP1 (EXIF/XMP) segment was kept");
        assert_ne!(marker, 0xFE, "a comment was kept");
        assert!(
            !payload.windows(3).any(|w| w == b"GPS"),
            "GPS text in segment {marker:#x}"
        );
    }
    let decoded = decode(&upload.jpeg, &DecodeLimits::default()).unwrap();
    assert_eq!(decoded.exif_orientation, 1);
    assert_eq!(decoded.image.dimensions(), (900, 1200));
}

/// The quadrant picture at this size, with texture everywhere but near
/// the quadrants' centres (flat colour alone compresses under 10 KB).
fn textured_quadrants(width: u32, height: u32) -> image::RgbaImage {
    let plain = image::imageops::resize(
        &quadrants(),
        width,
        height,
        image::imageops::FilterType::Nearest,
    );
    let texture = detailed(width, height);
    image::RgbaImage::from_fn(width, height, |x, y| {
        let mut pixel = *plain.get_pixel(x, y);
        let near_centre = [width / 4, 3 * width / 4]
            .iter()
            .any(|cx| x.abs_diff(*cx) < 24)
            && [height / 4, 3 * height / 4]
                .iter()
                .any(|cy| y.abs_diff(*cy) < 24);
        if !near_centre {
            for (c, t) in pixel.0.iter_mut().zip(texture.get_pixel(x, y).0).take(3) {
                *c = (i16::from(*c) + (i16::from(t) - 128) / 3).clamp(0, 255) as u8;
            }
        }
        pixel
    })
}

#[test]
fn orientation_is_applied_before_the_metadata_goes() {
    // The quadrant picture stored for each orientation comes out upright.
    for n in 1..=8 {
        let upright = textured_quadrants(480, 640);
        let stored = stored_for_orientation(&upright, n);
        let source = with_exif_orientation(&jpeg(&stored, 95).unwrap(), n);
        let upload = prepare_upload(&source, &DecodeLimits::default()).unwrap();
        let back = decode(&upload.jpeg, &DecodeLimits::default()).unwrap();
        assert_eq!(back.image.dimensions(), (480, 640), "orientation {n}");
        assert_upright(&back.image, &format!("orientation {n}"), 40);
    }
}

#[test]
fn never_enlarged_and_transparency_flattened() {
    let mut picture = detailed(400, 500);
    picture.get_pixel_mut(0, 0).0[3] = 0;
    let upload = prepare_upload(&png(&picture).unwrap(), &DecodeLimits::default()).unwrap();
    assert_eq!((upload.width, upload.height), (400, 500));

    let upload = upload_from_pixels(&detailed(3000, 4000)).unwrap();
    assert_eq!((upload.width, upload.height), (900, 1200));
}

#[test]
fn refusals_are_in_words() {
    let small = prepare_upload(
        &jpeg(&detailed(120, 120), 90).unwrap(),
        &DecodeLimits::default(),
    );
    let err = small.unwrap_err();
    assert_eq!(
        err,
        UploadError::TooSmall {
            width: 120,
            height: 120
        }
    );
    assert!(
        err.to_string()
            .contains("too small: 120×120; at least 320 px"),
        "{err}"
    );
    assert!(
        upload_from_pixels(&detailed(1000, 300)).is_err(),
        "short side 300"
    );

    // Not a photo: the viewer's own words.
    let page = b"<!DOCTYPE html><html><body>Access denied</body></html>";
    let err = prepare_upload(page, &DecodeLimits::default()).unwrap_err();
    assert_eq!(err, UploadError::NotAPhoto(PhotoError::WebPage));
    assert_eq!(err.to_string(), PhotoError::WebPage.to_string());

    // Over 49 MB: refused from its length, before any decoding.
    let huge = vec![0u8; 49 * 1024 * 1024 + 1];
    let err = prepare_upload(&huge, &DecodeLimits::default()).unwrap_err();
    assert_eq!(err, UploadError::FileTooLarge { megabytes: 50 });
}

#[test]
fn a_plain_picture_is_kept_over_the_minimum_or_refused() {
    // Flat colour compresses below Capillary's 10 KB even at quality 100.
    let flat = image::RgbaImage::from_pixel(400, 400, image::Rgba([200, 200, 200, 255]));
    assert_eq!(upload_from_pixels(&flat), Err(UploadError::NearlyBlank));
    // A little texture: raised quality lands it over the minimum.
    let textured = detailed(400, 400);
    let upload = upload_from_pixels(&textured).unwrap();
    assert!(upload.jpeg.len() >= MIN_UPLOAD_BYTES, "{upload:?}");
}
