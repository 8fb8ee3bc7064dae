//! The demo tenant's customer images: the built-in portrait in slot 0 until
//! a photo change, then whatever `setImage` added and `deleteImage` left,
//! in memory only. Also reads the one file of a `multipart/form-data`
//! upload.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One stored image of a customer.
#[derive(Debug, Clone)]
pub(super) struct StoredImage {
    /// The number at the end of `file.name`, as Capillary numbers them.
    pub slot: u32,
    pub bytes: Arc<Vec<u8>>,
    /// `YYYY-MM-DD HH:MM:SS`, as the API writes `lastModified`.
    pub last_modified: String,
}

/// When the built-in portraits were "uploaded".
const BUILT_IN_MODIFIED: &str = "2025-04-30 12:25:56";

/// Per customer, the images once they have been changed; customers never
/// changed still show their built-in portrait.
#[derive(Debug, Default)]
pub(super) struct ImageStore {
    changed: Mutex<HashMap<i64, Vec<StoredImage>>>,
}

impl ImageStore {
    /// The customer's images, oldest slot first.
    pub fn images(&self, id: i64, built_in: Option<Arc<Vec<u8>>>) -> Vec<StoredImage> {
        let Ok(changed) = self.changed.lock() else {
            return Vec::new();
        };
        match changed.get(&id) {
            Some(images) => images.clone(),
            None => initial(built_in),
        }
    }

    /// Adds an image in the next slot, dated now; returns it.
    pub fn add(&self, id: i64, built_in: Option<Arc<Vec<u8>>>, bytes: Vec<u8>) -> StoredImage {
        let mut changed = self
            .changed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let images = changed.entry(id).or_insert_with(|| initial(built_in));
        let slot = images.iter().map(|i| i.slot + 1).max().unwrap_or(0);
        let image = StoredImage {
            slot,
            bytes: Arc::new(bytes),
            last_modified: chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        };
        images.push(image.clone());
        image
    }

    /// Removes the images in these slots; returns how many there were.
    pub fn remove(&self, id: i64, built_in: Option<Arc<Vec<u8>>>, slots: &[u32]) -> usize {
        let mut changed = self
            .changed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let images = changed.entry(id).or_insert_with(|| initial(built_in));
        let before = images.len();
        images.retain(|i| !slots.contains(&i.slot));
        before - images.len()
    }
}

fn initial(built_in: Option<Arc<Vec<u8>>>) -> Vec<StoredImage> {
    built_in
        .map(|bytes| StoredImage {
            slot: 0,
            bytes,
            last_modified: BUILT_IN_MODIFIED.to_owned(),
        })
        .into_iter()
        .collect()
}

/// The bytes of the part named `file` in a `multipart/form-data` body, or
/// `None` when the body is not one or has no such part.
pub(super) fn multipart_file(content_type: &str, body: &[u8]) -> Option<Vec<u8>> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .next()?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut rest = body;
    loop {
        let start = find(rest, delimiter.as_bytes())? + delimiter.len();
        rest = &rest[start..];
        if rest.starts_with(b"--") {
            return None; // the closing delimiter: no `file` part
        }
        let rest_of_line = find(rest, b"\r\n")? + 2;
        rest = &rest[rest_of_line..];
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&rest[..head_end]).to_ascii_lowercase();
        let data_and_more = &rest[head_end + 4..];
        let data_end = find(data_and_more, format!("\r\n{delimiter}").as_bytes())?;
        if head.contains("name=\"file\"") {
            return Some(data_and_more[..data_end].to_vec());
        }
        rest = &data_and_more[data_end..];
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_file_part() {
        let body = b"--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\r\n\x00\xff\xd9\r\n--xyz--\r\n";
        let file = multipart_file("multipart/form-data; boundary=xyz", body).unwrap();
        assert_eq!(file, b"\xff\xd8\r\n\x00\xff\xd9");
        assert_eq!(multipart_file("application/json", body), None);
        let no_file =
            b"--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--xyz--\r\n";
        assert_eq!(
            multipart_file("multipart/form-data; boundary=xyz", no_file),
            None
        );
    }

    #[test]
    fn slots_grow_and_deletes_remove_them() {
        let store = ImageStore::default();
        let built_in = Some(Arc::new(vec![1u8]));
        assert_eq!(store.images(7, built_in.clone()).len(), 1);
        let added = store.add(7, built_in.clone(), vec![2]);
        assert_eq!(added.slot, 1);
        assert_eq!(store.remove(7, built_in.clone(), &[0]), 1);
        let left = store.images(7, built_in.clone());
        assert_eq!(left.iter().map(|i| i.slot).collect::<Vec<_>>(), [1]);
        assert_eq!(store.add(7, built_in, vec![3]).slot, 2);
        assert_eq!(store.images(8, None).len(), 0);
    }
}
