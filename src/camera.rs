//! Cameras for "Take photo": a small trait between the photo dialog and
//! whatever delivers frames, so the live preview is the same code with a
//! real webcam and with the synthetic frames the tests use.
//!
//! A [`LiveFeed`] reads frames on a thread of its own and keeps only the
//! newest, so a slow camera never blocks drawing and a slow frame never
//! queues up; dropping the feed stops the thread, which releases the
//! camera.
//!
//! [`SystemCameras`] are the workstation's webcams through nokhwa (V4L2
//! with the `webcam-linux` feature, Media Foundation, AVFoundation); a
//! Linux build without that feature says so in words. No real camera has
//! been tried with it yet; see the README's "Changing the customer's photo".

use image::RgbaImage;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Why there is no picture from a camera, in words for the counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CameraError {
    // Made by a webcam backend (and the tests' cameras): none on Linux
    // without the webcam-linux feature.
    #[cfg_attr(
        all(target_os = "linux", not(feature = "webcam-linux")),
        allow(dead_code)
    )]
    NoCamera,
    #[cfg_attr(
        all(target_os = "linux", not(feature = "webcam-linux")),
        allow(dead_code)
    )]
    AccessDenied,
    // Made only where there is no webcam backend.
    #[cfg_attr(
        any(
            target_os = "windows",
            target_os = "macos",
            all(target_os = "linux", feature = "webcam-linux")
        ),
        allow(dead_code)
    )]
    Unsupported,
    Failed(String),
}

impl CameraError {
    /// In the UI's language (`Display` is English, for logs).
    pub fn words(&self, t: &crate::i18n::Texts) -> String {
        match self {
            CameraError::NoCamera => crate::tr_text!(t, "camera-none"),
            CameraError::AccessDenied => crate::tr_text!(t, "camera-denied"),
            CameraError::Unsupported => crate::tr_text!(t, "camera-unsupported"),
            CameraError::Failed(why) => crate::tr_text!(t, "camera-failed", why = why.as_str()),
        }
    }
}

crate::display_in_english!(CameraError);

/// One opened camera. It lives on the feed's thread from opening to
/// closing (some drivers' handles may not move between threads).
pub trait FrameSource {
    /// Waits for the next frame.
    fn next_frame(&mut self) -> Result<RgbaImage, CameraError>;
}

/// The cameras a workstation has.
pub trait Cameras: Send + Sync + std::fmt::Debug {
    /// Their names, for the picker.
    fn list(&self) -> Result<Vec<String>, CameraError>;
    /// Opens camera `index` of [`Cameras::list`]; called on the thread
    /// that then reads it.
    fn open(&self, index: usize) -> Result<Box<dyn FrameSource>, CameraError>;
}

/// The workstation's webcams, through nokhwa.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemCameras;

#[cfg(any(
    target_os = "windows",
    target_os = "macos",
    all(target_os = "linux", feature = "webcam-linux")
))]
impl Cameras for SystemCameras {
    fn list(&self) -> Result<Vec<String>, CameraError> {
        let found = system::list()?;
        if found.is_empty() {
            return Err(CameraError::NoCamera);
        }
        Ok(found
            .iter()
            .map(nokhwa::utils::CameraInfo::human_name)
            .collect())
    }

    fn open(&self, index: usize) -> Result<Box<dyn FrameSource>, CameraError> {
        let found = system::list()?;
        let info = found.get(index).ok_or(CameraError::NoCamera)?;
        Ok(Box::new(system::open(info)?))
    }
}

#[cfg(not(any(
    target_os = "windows",
    target_os = "macos",
    all(target_os = "linux", feature = "webcam-linux")
)))]
impl Cameras for SystemCameras {
    fn list(&self) -> Result<Vec<String>, CameraError> {
        Err(CameraError::Unsupported)
    }

    fn open(&self, _index: usize) -> Result<Box<dyn FrameSource>, CameraError> {
        Err(CameraError::Unsupported)
    }
}

/// nokhwa behind [`Cameras`]: listing, opening at about 1280×720 and 30
/// frames a second, and frames as RGBA (MJPEG decoded by `image`, the
/// raw formats by nokhwa).
#[cfg(any(
    target_os = "windows",
    target_os = "macos",
    all(target_os = "linux", feature = "webcam-linux")
))]
mod system {
    use super::{CameraError, FrameSource};
    use image::RgbaImage;
    use nokhwa::pixel_format::RgbFormat;
    use nokhwa::utils::{
        ApiBackend, CameraFormat, CameraInfo, FrameFormat, RequestedFormat, RequestedFormatType,
    };
    use nokhwa::{Camera, NokhwaError};

    /// Words for what nokhwa reports; a refusal by the system reads as
    /// access denied.
    fn words(error: &NokhwaError) -> CameraError {
        let text = error.to_string();
        let lower = text.to_lowercase();
        if ["permission", "denied", "not authorized", "access"]
            .iter()
            .any(|w| lower.contains(w))
        {
            CameraError::AccessDenied
        } else {
            CameraError::Failed(text)
        }
    }

    pub fn list() -> Result<Vec<CameraInfo>, CameraError> {
        #[cfg(target_os = "macos")]
        nokhwa::nokhwa_initialize(|_| {});
        match nokhwa::query(ApiBackend::Auto) {
            Ok(found) => Ok(found),
            // V4L2 with no /dev/video* at all, and similar: no camera.
            Err(NokhwaError::GeneralError(_) | NokhwaError::StructureError { .. }) => {
                Ok(Vec::new())
            }
            Err(error) => Err(words(&error)),
        }
    }

    pub struct SystemFrames(Camera);

    pub fn open(info: &CameraInfo) -> Result<SystemFrames, CameraError> {
        let wanted = CameraFormat::new_from(1280, 720, FrameFormat::MJPEG, 30);
        let format = RequestedFormat::new::<RgbFormat>(RequestedFormatType::Closest(wanted));
        let mut camera = Camera::new(info.index().clone(), format).map_err(|e| words(&e))?;
        camera.open_stream().map_err(|e| words(&e))?;
        Ok(SystemFrames(camera))
    }

    impl FrameSource for SystemFrames {
        fn next_frame(&mut self) -> Result<RgbaImage, CameraError> {
            let frame = self.0.frame().map_err(|e| words(&e))?;
            let failed = |e: &dyn std::fmt::Display| CameraError::Failed(e.to_string());
            match frame.source_frame_format() {
                FrameFormat::MJPEG => {
                    image::load_from_memory_with_format(frame.buffer(), image::ImageFormat::Jpeg)
                        .map(|image| image.to_rgba8())
                        .map_err(|e| failed(&e))
                }
                _ => frame
                    .decode_image::<RgbFormat>()
                    .map(|rgb| image::DynamicImage::ImageRgb8(rgb).to_rgba8())
                    .map_err(|e| failed(&e)),
            }
        }
    }

    impl Drop for SystemFrames {
        fn drop(&mut self) {
            // Released either way; stopping first lets the light go off
            // at once on drivers that wait for the handle to close.
            let _ = self.0.stop_stream();
        }
    }
}

/// A frame as the feed's thread leaves it: at most the photo dialog's
/// working size, and already laid out as egui takes a texture, so that
/// showing it costs the UI thread nothing but the upload.
pub type Frame = crate::state::WorkingPicture;

fn frame(rgba: RgbaImage) -> Frame {
    Frame::new(crate::photo::working_copy(rgba))
}

/// What a live feed shares with the app: the newest frame, untaken.
type Newest = Arc<Mutex<Option<Result<Frame, CameraError>>>>;

/// A camera being read on its own thread.
#[derive(Debug)]
pub struct LiveFeed {
    newest: Newest,
    stop: Arc<AtomicBool>,
}

impl LiveFeed {
    /// Opens camera `index` and reads it on a thread of its own; an error
    /// opening it arrives as the first "frame". `on_frame` runs after each
    /// (the app asks for a repaint there).
    pub fn start(
        cameras: Arc<dyn Cameras>,
        index: usize,
        on_frame: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let newest: Newest = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (shared, stopped) = (newest.clone(), stop.clone());
        let put = move |frame: Result<Frame, CameraError>| {
            if let Ok(mut slot) = shared.lock() {
                *slot = Some(frame);
            }
            on_frame();
        };
        std::thread::Builder::new()
            .name("camera".to_owned())
            .spawn(move || {
                let mut source = match cameras.open(index) {
                    Ok(source) => source,
                    Err(error) => return put(Err(error)),
                };
                while !stopped.load(Ordering::Relaxed) {
                    let frame = source.next_frame().map(frame);
                    let failed = frame.is_err();
                    put(frame);
                    if failed {
                        break;
                    }
                }
                // `source` is dropped here: the camera is released.
            })?;
        Ok(Self { newest, stop })
    }

    /// The newest frame since the last call, if one came.
    pub fn take(&self) -> Option<Result<Frame, CameraError>> {
        self.newest.lock().ok()?.take()
    }
}

impl Drop for LiveFeed {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

// Frames drawn in memory: the tests' cameras, never in a shipped build.
#[cfg(any(test, feature = "testing"))]
pub use synthetic::{SyntheticCameras, SyntheticCounters};

#[cfg(any(test, feature = "testing"))]
mod synthetic {
    use super::*;
    use std::time::Duration;

    /// Frames drawn in memory, for tests and demos: a photo-like picture with
    /// a bar that moves a little every frame, so consecutive frames differ.
    #[derive(Debug, Clone)]
    pub struct SyntheticCameras {
        pub names: Vec<String>,
        pub size: (u32, u32),
        /// Time between frames.
        pub interval: Duration,
        /// Counts every frame made, across cameras, and which are open.
        pub counters: Arc<SyntheticCounters>,
    }

    /// What the synthetic cameras did (tests check the camera was released).
    #[derive(Debug, Default)]
    pub struct SyntheticCounters {
        pub frames: std::sync::atomic::AtomicU64,
        pub open: std::sync::atomic::AtomicI64,
    }

    impl SyntheticCameras {
        /// Cameras with these names, 640×480 at 30 frames a second.
        pub fn new(names: &[&str]) -> Self {
            Self {
                names: names.iter().map(|&n| n.to_owned()).collect(),
                size: (640, 480),
                interval: Duration::from_millis(33),
                counters: Arc::default(),
            }
        }
    }

    impl Cameras for SyntheticCameras {
        fn list(&self) -> Result<Vec<String>, CameraError> {
            if self.names.is_empty() {
                return Err(CameraError::NoCamera);
            }
            Ok(self.names.clone())
        }

        fn open(&self, index: usize) -> Result<Box<dyn FrameSource>, CameraError> {
            if index >= self.names.len() {
                return Err(CameraError::NoCamera);
            }
            self.counters.open.fetch_add(1, Ordering::SeqCst);
            Ok(Box::new(SyntheticFrames {
                camera: index,
                size: self.size,
                interval: self.interval,
                frame: 0,
                counters: self.counters.clone(),
            }))
        }
    }

    struct SyntheticFrames {
        camera: usize,
        size: (u32, u32),
        interval: Duration,
        frame: u32,
        counters: Arc<SyntheticCounters>,
    }

    impl FrameSource for SyntheticFrames {
        fn next_frame(&mut self) -> Result<RgbaImage, CameraError> {
            std::thread::sleep(self.interval);
            self.frame += 1;
            self.counters.frames.fetch_add(1, Ordering::SeqCst);
            let (w, h) = self.size;
            let bar = (self.frame * 7) % w;
            // Each camera has its own tint, so a test can tell which is shown.
            let tint = [[0u8, 160, 60], [40, 60, 200], [200, 120, 0]][self.camera % 3];
            Ok(RgbaImage::from_fn(w, h, |x, y| {
                if x.abs_diff(bar) < 8 {
                    return image::Rgba([255, 255, 255, 255]);
                }
                let noise = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 41) as u8;
                let shade = ((x + y) % 256) as u8 / 4;
                image::Rgba([
                    tint[0].saturating_add(noise).saturating_add(shade),
                    tint[1].saturating_add(noise),
                    tint[2].saturating_add(shade),
                    255,
                ])
            }))
        }
    }

    impl Drop for SyntheticFrames {
        fn drop(&mut self) {
            self.counters.open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_live_feed_keeps_the_newest_frame_and_releases_the_camera() {
        let cameras = SyntheticCameras::new(&["Front", "Desk"]);
        assert_eq!(cameras.list().unwrap(), ["Front", "Desk"]);
        let feed = LiveFeed::start(Arc::new(cameras.clone()), 1, || {}).unwrap();
        let started = std::time::Instant::now();
        let frame = loop {
            if let Some(frame) = feed.take() {
                break frame.unwrap();
            }
            assert!(started.elapsed() < Duration::from_secs(5), "no frame");
            std::thread::sleep(Duration::from_millis(5));
        };
        assert_eq!(frame.rgba.dimensions(), (640, 480));
        assert_eq!(frame.pixels.size, [640, 480], "ready for a texture");
        assert_eq!(cameras.counters.open.load(Ordering::SeqCst), 1);
        drop(feed);
        let started = std::time::Instant::now();
        while cameras.counters.open.load(Ordering::SeqCst) != 0 {
            assert!(started.elapsed() < Duration::from_secs(5), "not released");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn no_camera_is_said_in_words() {
        assert_eq!(
            SyntheticCameras::new(&[]).list(),
            Err(CameraError::NoCamera)
        );
        assert!(CameraError::NoCamera.to_string().contains("paste"));
    }

    #[cfg(all(target_os = "linux", not(feature = "webcam-linux")))]
    #[test]
    fn a_build_without_webcam_support_says_so() {
        assert_eq!(SystemCameras.list(), Err(CameraError::Unsupported));
        let words = CameraError::Unsupported.to_string();
        assert!(words.contains("Paste (Ctrl+V)"), "{words}");
    }

    /// The real driver on a machine without a camera: no camera, in words,
    /// rather than an error or a crash (`cargo test --features
    /// webcam-linux`; CI checks the same through the release build in the
    /// window smoke test).
    #[cfg(all(target_os = "linux", feature = "webcam-linux"))]
    #[test]
    #[expect(clippy::disallowed_methods, reason = "a test looks for /dev/video*")]
    fn the_system_driver_without_a_camera_says_no_camera() {
        let any_video_device = std::fs::read_dir("/dev")
            .map(|entries| {
                entries
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with("video"))
            })
            .unwrap_or(false);
        if any_video_device {
            eprintln!("this machine has a camera; the no-camera case cannot be checked here");
            return;
        }
        assert_eq!(SystemCameras.list(), Err(CameraError::NoCamera));
        assert!(matches!(SystemCameras.open(0), Err(CameraError::NoCamera)));
    }
}
