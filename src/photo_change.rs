//! Replacing or removing a customer's photo: the steps both the CLI
//! (`customer-lookup photo`) and the profile's photo dialog take.
//!
//! Capillary keeps every uploaded image, so "replace" is an upload followed
//! by removing the older slots, leaving exactly one photo. If the removal
//! fails after the upload worked, the new photo is still the one shown
//! (the newest wins), and the outcome says the old ones remain.

use crate::capillary::{ApiError, CapillaryClient, Customer};
use crate::photo::PhotoUpload;

/// How a replacement went.
#[derive(Debug)]
pub enum Replaced {
    /// The new photo is the customer's only one; this many old ones went.
    Only { removed: usize },
    /// The new photo is stored and shown, but older ones could not be
    /// removed (or could not be named), and remain.
    OldPhotosRemain {
        kept: usize,
        error: Option<ApiError>,
    },
}

/// The slots of the customer's current images, and how many could not be
/// named (no index in `file.name`).
fn slots(customer: &Customer) -> (Vec<u32>, usize) {
    let images = customer.customer_image.as_deref().unwrap_or_default();
    let slots: Vec<u32> = images.iter().filter_map(|i| i.index()).collect();
    let unnamed = images.len() - slots.len();
    (slots, unnamed)
}

/// Where a replacement has got to (the window shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceStep {
    Uploading,
    RemovingOld,
}

/// Uploads `photo` for `customer`, then removes every older image.
pub async fn replace_photo(
    client: &CapillaryClient,
    customer_id: i64,
    customer: &Customer,
    photo: &PhotoUpload,
) -> Result<Replaced, ApiError> {
    replace_photo_reporting(client, customer_id, customer, photo, |_| {}).await
}

/// [`replace_photo`], telling `report` as each step starts.
pub async fn replace_photo_reporting(
    client: &CapillaryClient,
    customer_id: i64,
    customer: &Customer,
    photo: &PhotoUpload,
    report: impl Fn(ReplaceStep),
) -> Result<Replaced, ApiError> {
    let (old, unnamed) = slots(customer);
    report(ReplaceStep::Uploading);
    client.set_image(customer_id, &photo.jpeg).await?;
    if old.is_empty() {
        return Ok(match unnamed {
            0 => Replaced::Only { removed: 0 },
            kept => Replaced::OldPhotosRemain { kept, error: None },
        });
    }
    report(ReplaceStep::RemovingOld);
    match client.delete_images(customer_id, &old).await {
        Ok(()) if unnamed == 0 => Ok(Replaced::Only { removed: old.len() }),
        Ok(()) => Ok(Replaced::OldPhotosRemain {
            kept: unnamed,
            error: None,
        }),
        Err(error) => Ok(Replaced::OldPhotosRemain {
            kept: old.len() + unnamed,
            error: Some(error),
        }),
    }
}

/// Removes every image of the customer; how many there were. A customer
/// with none is not an error (nothing to do).
pub async fn remove_photo(
    client: &CapillaryClient,
    customer_id: i64,
    customer: &Customer,
) -> Result<usize, ApiError> {
    let (slots, _) = slots(customer);
    if slots.is_empty() {
        return Ok(0);
    }
    client.delete_images(customer_id, &slots).await?;
    Ok(slots.len())
}
