//! The demo tenant's photos decode upright in every format they are stored in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use demo::photos::{Look, PORTRAIT_SIZE, PhotoFormat as Stored, encode};
use photo::{DecodeLimits, PhotoError, PhotoFormat, decode};

const LOOK: Look = Look {
    background: [200, 40, 40],
    skin: [230, 190, 160],
    hair: [20, 20, 20],
    shirt: [30, 60, 220],
};

fn close(a: [u8; 4], b: [u8; 3]) -> bool {
    a.iter()
        .zip(b)
        .all(|(x, y)| (i16::from(*x) - i16::from(y)).abs() <= 16)
}

#[test]
fn every_stored_format_decodes_upright() {
    for (stored, format, transparent) in [
        (Stored::Jpeg, PhotoFormat::Jpeg, false),
        (Stored::JpegExifRotated, PhotoFormat::Jpeg, false),
        (Stored::Png, PhotoFormat::Png, true),
        (Stored::WebP, PhotoFormat::WebP, false),
    ] {
        let bytes = encode(LOOK, stored).unwrap();
        let photo = decode(&bytes, &DecodeLimits::default()).unwrap();
        assert_eq!(photo.format, format, "{stored:?}");
        assert_eq!(
            photo.image.dimensions(),
            PORTRAIT_SIZE,
            "{stored:?} is upright"
        );
        let (w, h) = PORTRAIT_SIZE;
        // Shirt at the bottom centre, background at the top corner.
        let bottom = photo.image.get_pixel(w / 2, h - 5).0;
        assert!(
            close(bottom, LOOK.shirt),
            "{stored:?}: bottom is {bottom:?}"
        );
        let corner = photo.image.get_pixel(3, 3).0;
        if transparent {
            assert_eq!(corner[3], 0, "{stored:?}: transparent background");
        } else {
            assert!(
                close(corner, LOOK.background),
                "{stored:?}: corner is {corner:?}"
            );
        }
    }
    let rotated = decode(
        &encode(LOOK, Stored::JpegExifRotated).unwrap(),
        &DecodeLimits::default(),
    )
    .unwrap();
    assert_eq!(rotated.exif_orientation, 6);
}

#[test]
fn junk_gets_a_message_not_a_crash() {
    let jpeg = encode(LOOK, Stored::Jpeg).unwrap();
    let limits = DecodeLimits::default();
    assert!(matches!(
        decode(&jpeg[..jpeg.len() / 3], &limits),
        Err(PhotoError::Corrupt(_)) | Ok(_)
    ));
    assert_eq!(
        decode(b"<html><body>Login</body></html>", &limits).unwrap_err(),
        PhotoError::WebPage
    );
    assert_eq!(
        decode(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", &limits).unwrap_err(),
        PhotoError::Unsupported("HEIC")
    );
    let err = decode(b"", &limits).unwrap_err();
    assert_eq!(err.to_string(), "The photo file is empty.");
    let small = DecodeLimits {
        max_side: 100,
        ..limits
    };
    assert!(matches!(
        decode(&jpeg, &small),
        Err(PhotoError::TooLarge { .. })
    ));
}
