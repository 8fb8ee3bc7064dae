//! Cameras for "Take photo": a small trait between the photo dialog and
//! whatever delivers frames, so the live preview is the same code with a
//! real webcam and with the synthetic frames the tests use.
//!
//! A [`LiveFeed`] reads frames on a thread of its own and keeps only the
//! newest, so a slow camera never blocks drawing and a slow frame never
//! queues up; dropping the feed stops the thread, which releases the
//! camera.
//!
//! This build has no driver for real cameras yet ([`SystemCameras`] says
//! so in words); see the README's "Taking a photo" for what has been tried.

use image::RgbaImage;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Why there is no picture from a camera, in words for the counter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CameraError {
    #[error("No camera was found. Connect one, or paste or drop a photo instead.")]
    NoCamera,
    #[error(
        "The camera may not be used by this program. Allow camera access in the system's privacy settings, or ask IT."
    )]
    AccessDenied,
    #[error(
        "Taking photos with a camera is not available in this version. Paste (Ctrl+V) or drop a photo instead."
    )]
    Unsupported,
    #[error("The camera stopped working ({0}).")]
    Failed(String),
}

/// One opened camera.
pub trait FrameSource: Send {
    /// Waits for the next frame.
    fn next_frame(&mut self) -> Result<RgbaImage, CameraError>;
}

/// The cameras a workstation has.
pub trait Cameras: Send + Sync + std::fmt::Debug {
    /// Their names, for the picker.
    fn list(&self) -> Result<Vec<String>, CameraError>;
    /// Opens camera `index` of [`Cameras::list`].
    fn open(&self, index: usize) -> Result<Box<dyn FrameSource>, CameraError>;
}

/// The system's cameras. No driver is built in yet: every call says so.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemCameras;

impl Cameras for SystemCameras {
    fn list(&self) -> Result<Vec<String>, CameraError> {
        Err(CameraError::Unsupported)
    }

    fn open(&self, _index: usize) -> Result<Box<dyn FrameSource>, CameraError> {
        Err(CameraError::Unsupported)
    }
}

/// What a live feed shares with the app: the newest frame, untaken.
type Newest = Arc<Mutex<Option<Result<RgbaImage, CameraError>>>>;

/// A camera being read on its own thread.
#[derive(Debug)]
pub struct LiveFeed {
    newest: Newest,
    stop: Arc<AtomicBool>,
}

impl LiveFeed {
    /// Starts reading `source`; `on_frame` runs after each frame (the app
    /// asks for a repaint there).
    pub fn start(
        mut source: Box<dyn FrameSource>,
        on_frame: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let newest: Newest = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (shared, stopped) = (newest.clone(), stop.clone());
        std::thread::Builder::new()
            .name("camera".to_owned())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    let frame = source.next_frame();
                    let failed = frame.is_err();
                    if let Ok(mut slot) = shared.lock() {
                        *slot = Some(frame);
                    }
                    on_frame();
                    if failed {
                        break;
                    }
                }
                // `source` is dropped here: the camera is released.
            })?;
        Ok(Self { newest, stop })
    }

    /// The newest frame since the last call, if one came.
    pub fn take(&self) -> Option<Result<RgbaImage, CameraError>> {
        self.newest.lock().ok()?.take()
    }
}

impl Drop for LiveFeed {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_feed_keeps_the_newest_frame_and_releases_the_camera() {
        let cameras = SyntheticCameras::new(&["Front", "Desk"]);
        assert_eq!(cameras.list().unwrap(), ["Front", "Desk"]);
        let feed = LiveFeed::start(cameras.open(1).unwrap(), || {}).unwrap();
        let started = std::time::Instant::now();
        let frame = loop {
            if let Some(frame) = feed.take() {
                break frame.unwrap();
            }
            assert!(started.elapsed() < Duration::from_secs(5), "no frame");
            std::thread::sleep(Duration::from_millis(5));
        };
        assert_eq!(frame.dimensions(), (640, 480));
        assert_eq!(cameras.counters.open.load(Ordering::SeqCst), 1);
        drop(feed);
        let started = std::time::Instant::now();
        while cameras.counters.open.load(Ordering::SeqCst) != 0 {
            assert!(started.elapsed() < Duration::from_secs(5), "not released");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn no_camera_and_no_driver_are_said_in_words() {
        assert_eq!(
            SyntheticCameras::new(&[]).list(),
            Err(CameraError::NoCamera)
        );
        let words = SystemCameras.list().unwrap_err().to_string();
        assert!(words.contains("Paste"), "{words}");
    }
}
