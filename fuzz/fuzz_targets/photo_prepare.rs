//! Any bytes served as a photo: the pipeline must give a texture or a
//! message, within its memory limits, without panicking (libFuzzer aborts
//! on a panic even though the app itself would contain it).
#![no_main]

use photo::{DecodeLimits, MAX_TEXTURE_SIDE, prepare_photo};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the frame size, so small and large frames (the
    // scaled JPEG path and the full decode) are both reached.
    let (frame_px, bytes) = match data {
        [first, rest @ ..] => (16 + u32::from(*first) * 4, rest),
        [] => (256, data),
    };
    if let Ok(photo) = prepare_photo(bytes, frame_px, &DecodeLimits::default()) {
        assert!(photo.texture.width() <= frame_px.max(1));
        assert!(photo.texture.height() <= frame_px.max(1));
        assert!(photo.texture.width() <= MAX_TEXTURE_SIDE);
    }
});
