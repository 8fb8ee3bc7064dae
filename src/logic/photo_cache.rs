//! Prepared photos kept in memory (never on disk), so reopening a recent
//! customer shows the photo without downloading or decoding it again.
//! Bounded by bytes; the least recently used go first; emptied on logout.
//!
//! Keyed by customer, stored file (handle + version: the presigned URL
//! changes on every fetch, the file does not) and frame size in pixels.

use std::collections::VecDeque;
use std::sync::Arc;

/// Default budget: 64 MB of RGBA pixels (about 40 enlarged-frame photos).
pub const DEFAULT_BUDGET_BYTES: usize = 64 * 1024 * 1024;

/// What identifies one prepared photo.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhotoKey {
    pub customer_id: i64,
    pub file: String,
    pub frame_px: u32,
}

/// A byte-bounded LRU of prepared photos.
#[derive(Debug)]
pub struct PhotoCache {
    entries: VecDeque<(PhotoKey, Arc<egui::ColorImage>)>,
    bytes: usize,
    budget: usize,
}

impl Default for PhotoCache {
    fn default() -> Self {
        Self::with_budget(DEFAULT_BUDGET_BYTES)
    }
}

fn size_of(image: &egui::ColorImage) -> usize {
    image.pixels.len() * 4
}

impl PhotoCache {
    pub fn with_budget(budget: usize) -> Self {
        Self {
            entries: VecDeque::new(),
            bytes: 0,
            budget,
        }
    }

    /// The photo, marked as most recently used.
    pub fn get(&mut self, key: &PhotoKey) -> Option<Arc<egui::ColorImage>> {
        let index = self.entries.iter().position(|(k, _)| k == key)?;
        let entry = self.entries.remove(index)?;
        let image = entry.1.clone();
        self.entries.push_back(entry);
        Some(image)
    }

    /// Adds a photo, evicting the least recently used to stay in budget.
    /// A photo larger than the whole budget is not kept.
    pub fn insert(&mut self, key: PhotoKey, image: Arc<egui::ColorImage>) {
        if let Some(index) = self.entries.iter().position(|(k, _)| *k == key)
            && let Some((_, old)) = self.entries.remove(index)
        {
            self.bytes -= size_of(&old);
        }
        let size = size_of(&image);
        if size > self.budget {
            return;
        }
        while self.bytes + size > self.budget {
            match self.entries.pop_front() {
                Some((_, old)) => self.bytes -= size_of(&old),
                None => break,
            }
        }
        self.bytes += size;
        self.entries.push_back((key, image));
    }

    /// Forgets one customer's photos (theirs just changed).
    pub fn forget_customer(&mut self, customer_id: i64) {
        let mut freed = 0;
        self.entries.retain(|(key, image)| {
            let keep = key.customer_id != customer_id;
            if !keep {
                freed += size_of(image);
            }
            keep
        });
        self.bytes -= freed;
    }

    /// Forgets everything (logout, lock).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }

    #[cfg(any(test, feature = "testing"))]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg(any(test, feature = "testing"))]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    #[cfg(any(test, feature = "testing"))]
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(side: usize) -> Arc<egui::ColorImage> {
        Arc::new(egui::ColorImage::filled([side, side], egui::Color32::RED))
    }

    fn key(id: i64) -> PhotoKey {
        PhotoKey {
            customer_id: id,
            file: "f#1".into(),
            frame_px: 560,
        }
    }

    #[test]
    fn evicts_least_recently_used_within_budget() {
        let mut cache = PhotoCache::with_budget(3 * 100 * 100 * 4);
        for id in 1..=3 {
            cache.insert(key(id), image(100));
        }
        assert!(cache.get(&key(1)).is_some()); // 1 is now the most recent
        cache.insert(key(4), image(100));
        assert!(cache.get(&key(2)).is_none(), "2 was least recently used");
        assert!(
            cache.get(&key(1)).is_some()
                && cache.get(&key(3)).is_some()
                && cache.get(&key(4)).is_some()
        );
        assert_eq!(cache.bytes(), 3 * 100 * 100 * 4);
        cache.insert(key(9), image(1000));
        assert_eq!(cache.len(), 3, "an image over the whole budget is not kept");
        cache.clear();
        assert!(cache.is_empty() && cache.bytes() == 0);
    }

    #[test]
    fn forgets_one_customer_only() {
        let mut cache = PhotoCache::default();
        cache.insert(key(1), image(10));
        cache.insert(key(2), image(10));
        cache.forget_customer(1);
        assert!(cache.get(&key(1)).is_none());
        assert!(cache.get(&key(2)).is_some());
        assert_eq!(cache.bytes(), 10 * 10 * 4);
    }

    #[test]
    fn same_key_replaces() {
        let mut cache = PhotoCache::default();
        cache.insert(key(1), image(10));
        cache.insert(key(1), image(20));
        assert_eq!(cache.len(), 1);
        assert_eq!(cache.bytes(), 20 * 20 * 4);
    }
}
