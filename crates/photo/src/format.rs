//! Which kind of image a download is, from its first bytes. The URL and the
//! `Content-Type` are not trusted: S3 serves every photo as
//! `binary/octet-stream`, and stores upload whatever their cameras make.

use std::fmt;

/// Image formats the app can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    Jpeg,
    Png,
    WebP,
    Gif,
    Bmp,
    Tiff,
}

impl PhotoFormat {
    pub fn name(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "JPEG",
            PhotoFormat::Png => "PNG",
            PhotoFormat::WebP => "WebP",
            PhotoFormat::Gif => "GIF",
            PhotoFormat::Bmp => "BMP",
            PhotoFormat::Tiff => "TIFF",
        }
    }

    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            PhotoFormat::Jpeg => image::ImageFormat::Jpeg,
            PhotoFormat::Png => image::ImageFormat::Png,
            PhotoFormat::WebP => image::ImageFormat::WebP,
            PhotoFormat::Gif => image::ImageFormat::Gif,
            PhotoFormat::Bmp => image::ImageFormat::Bmp,
            PhotoFormat::Tiff => image::ImageFormat::Tiff,
        }
    }
}

impl fmt::Display for PhotoFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Supported(PhotoFormat),
    /// A known image format this app cannot decode (HEIC, AVIF, JPEG XL…).
    Unsupported(&'static str),
    /// Not an image: an HTML or XML page (a proxy's login page, an S3 error).
    WebPage,
    Pdf,
    Empty,
    Unknown,
}

/// Identifies the format from magic bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Sniffed::Supported(PhotoFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Supported(PhotoFormat::Png);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Sniffed::Supported(PhotoFormat::Gif);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Sniffed::Supported(PhotoFormat::WebP);
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return Sniffed::Supported(PhotoFormat::Tiff);
    }
    if starts(b"BM") && bytes.len() > 14 {
        return Sniffed::Supported(PhotoFormat::Bmp);
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return match bytes.get(8..12) {
            Some(b"avif" | b"avis") => Sniffed::Unsupported("AVIF"),
            Some(b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1") => {
                Sniffed::Unsupported("HEIC")
            }
            Some(b"crx ") => Sniffed::Unsupported("Canon RAW"),
            _ => Sniffed::Unsupported("an ISO media file"),
        };
    }
    if starts(&[0xFF, 0x0A]) || starts(b"\0\0\0\x0CJXL \r\n\x87\n") {
        return Sniffed::Unsupported("JPEG XL");
    }
    if starts(b"%PDF") {
        return Sniffed::Pdf;
    }
    let text_start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .and_then(|i| bytes.get(i));
    if text_start == Some(&b'<') {
        return Sniffed::WebPage;
    }
    Sniffed::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Sniffed::Supported(PhotoFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n...."),
            Sniffed::Supported(PhotoFormat::Png)
        );
        assert_eq!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Sniffed::Supported(PhotoFormat::WebP)
        );
        assert_eq!(sniff(b"GIF89a"), Sniffed::Supported(PhotoFormat::Gif));
        assert_eq!(
            sniff(b"II*\0\x08\0\0\0"),
            Sniffed::Supported(PhotoFormat::Tiff)
        );
        assert_eq!(
            sniff(b"BM\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
            Sniffed::Supported(PhotoFormat::Bmp)
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Sniffed::Unsupported("HEIC")
        );
        assert_eq!(
            sniff(b"\0\0\0\x1cftypavif\0\0\0\0"),
            Sniffed::Unsupported("AVIF")
        );
        assert_eq!(sniff(b"  \n<!DOCTYPE html><html>"), Sniffed::WebPage);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><Error>"), Sniffed::WebPage);
        assert_eq!(sniff(b"%PDF-1.4"), Sniffed::Pdf);
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"hello"), Sniffed::Unknown);
    }
}
