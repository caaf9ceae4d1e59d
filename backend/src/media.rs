//! Uploaded photos: checked to really be images, turned upright, scaled down and re-encoded.
//! Re-encoding drops every piece of metadata the phone wrote (EXIF GPS position, camera
//! serial), so nothing of it is ever stored. Public photos (business) and private files
//! (proof of return) live in separate folders; only the public one is served as files.

use std::path::{Path, PathBuf};

use image::DynamicImage;

use crate::photos::{decode_checked, upright};

/// Who may see a stored file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Served to anyone at `/media/<key>`.
    Public,
    /// Served only through authorised handlers that log each view.
    Private,
}

impl Visibility {
    fn folder(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Private => "private",
        }
    }
}

/// The largest upload accepted, in bytes (a 12-megapixel phone JPEG is 3–6 MB).
pub const MAX_UPLOAD_BYTES: usize = 12 * 1024 * 1024;
/// Longest side kept.
const MAX_SIDE: u32 = 1600;

/// Why a photo was not stored.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// Over [`MAX_UPLOAD_BYTES`].
    #[error("image too large")]
    TooLarge,
    /// The photo pipeline refused it (format, damage, pixels, bit depth…).
    #[error("photo refused: {0}")]
    Refused(crate::photos::PhotoError),
    /// Writing the file failed.
    #[error("storing the photo failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Checks, cleans and stores a photo; returns its key. CPU-heavy: call it through
/// [`crate::photos::PhotoStore::run_limited`], like every other picture decode.
///
/// The checks and the decode are the product photos' ([`decode_checked`]): one bounded path
/// for every uploaded picture.
///
/// # Errors
/// [`PhotoError`] saying why it was refused.
pub fn store_photo(
    media_dir: &Path,
    visibility: Visibility,
    bytes: &[u8],
) -> Result<String, PhotoError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let (picture, orientation) = decode_checked(bytes).map_err(PhotoError::Refused)?;
    let picture = DynamicImage::ImageRgb8(picture);
    let picture = if picture.width().max(picture.height()) > MAX_SIDE {
        picture.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        picture
    };
    let picture = upright(picture.into_rgb8(), orientation);
    let mut encoded = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut encoded, 82);
    picture
        .write_with_encoder(encoder)
        .map_err(|_| PhotoError::Refused(crate::photos::PhotoError::Corrupt))?;
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let key = format!("{}.jpg", hex::encode(random));
    let folder = media_dir.join(visibility.folder());
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join(&key), encoded)?;
    Ok(key)
}

/// Whether `key` has the shape [`store_photo`] gives keys (so it cannot walk the file system).
#[must_use]
pub fn is_valid_key(key: &str) -> bool {
    key.len() == 36 && key.ends_with(".jpg") && key[..32].chars().all(|c| c.is_ascii_hexdigit())
}

/// Where a stored file is, if the key is well-formed.
#[must_use]
pub fn path_of(media_dir: &Path, visibility: Visibility, key: &str) -> Option<PathBuf> {
    is_valid_key(key).then(|| media_dir.join(visibility.folder()).join(key))
}

/// Deletes stored files (after erasure); missing files are fine.
pub fn delete_files(media_dir: &Path, keys: &[String]) {
    for key in keys {
        for visibility in [Visibility::Public, Visibility::Private] {
            if let Some(path) = path_of(media_dir, visibility, key) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let picture = image::RgbImage::from_pixel(width, height, image::Rgb([200, 80, 20]));
        picture
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90))
            .expect("encode");
        bytes
    }

    #[test]
    fn a_photo_is_stored_scaled_down_under_a_random_key() {
        let dir = std::env::temp_dir().join(format!("pp-media-{}", std::process::id()));
        let key = store_photo(&dir, Visibility::Private, &jpeg(2400, 1200)).expect("stored");
        assert!(is_valid_key(&key));
        let stored =
            image::open(path_of(&dir, Visibility::Private, &key).expect("path")).expect("readable");
        assert_eq!((stored.width(), stored.height()), (1600, 800));
        assert!(path_of(&dir, Visibility::Public, &key).is_some_and(|p| !p.exists()), "not public");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn what_is_not_an_image_is_refused() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            store_photo(&dir, Visibility::Public, b"%PDF-1.4 not a photo"),
            Err(PhotoError::Refused(crate::photos::PhotoError::UnsupportedFormat))
        ));
        let too_big = vec![0u8; MAX_UPLOAD_BYTES + 1];
        assert!(matches!(
            store_photo(&dir, Visibility::Public, &too_big),
            Err(PhotoError::TooLarge)
        ));
    }

    #[test]
    fn a_cut_off_jpeg_is_refused_as_damaged() {
        let dir = std::env::temp_dir();
        let whole = jpeg(800, 600);
        let cut = &whole[..whole.len() * 2 / 3];
        assert!(matches!(
            store_photo(&dir, Visibility::Public, cut),
            Err(PhotoError::Refused(crate::photos::PhotoError::Corrupt))
        ));
    }

    #[test]
    fn keys_cannot_walk_the_file_system() {
        assert!(!is_valid_key("../../etc/passwd"));
        assert!(!is_valid_key("0123456789abcdef0123456789abcdef.png"));
        assert!(is_valid_key("0123456789abcdef0123456789abcdef.jpg"));
    }
}
