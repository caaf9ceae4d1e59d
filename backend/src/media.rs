//! The single pictures of applications and shops: checked to really be images, turned
//! upright, scaled down and re-encoded, then kept in the one object store beside the product
//! photos ([`crate::photos::PhotoStore`], `files/public/…` or `files/private/…`).
//! Re-encoding drops every piece of metadata the phone wrote (EXIF GPS position, camera
//! serial), so nothing of it is ever stored. Public files (business photos) are served to
//! anyone; private ones (proof of return) only through handlers that authorise and log.

use std::path::Path;

use image::DynamicImage;

use crate::photos::{decode_checked, upright, PhotoStore, StoreError};

/// Who may see a stored file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Served to anyone at `/media/<key>`.
    Public,
    /// Served only through authorised handlers that log each view.
    Private,
}

impl Visibility {
    /// The folder of the visibility, in the store and in the folders files were kept in
    /// before they moved into it.
    pub(crate) const fn folder(self) -> &'static str {
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
    /// No randomness for the key (the system refused it).
    #[error("no random key: {0}")]
    Random(String),
    /// Writing the file failed.
    #[error("storing the photo failed: {0}")]
    Store(#[from] StoreError),
}

/// Checks, cleans and stores a photo; returns its key. The picture work runs on the photo
/// workers every upload shares ([`PhotoStore::run_limited`]).
///
/// # Errors
/// [`PhotoError`] saying why it was refused, or that storing failed.
pub async fn save_photo(
    store: &PhotoStore,
    visibility: Visibility,
    bytes: Vec<u8>,
) -> Result<String, PhotoError> {
    let (key, encoded) = store.run_limited(move || prepare_photo(&bytes)).await??;
    store.put_file(visibility, &key, encoded).await?;
    Ok(key)
}

/// Checks and cleans a photo: its new random key and its JPEG bytes. CPU-heavy.
///
/// The checks and the decode are the product photos' ([`decode_checked`]): one bounded path
/// for every uploaded picture.
///
/// # Errors
/// [`PhotoError`] saying why it was refused.
pub fn prepare_photo(bytes: &[u8]) -> Result<(String, Vec<u8>), PhotoError> {
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
    getrandom::fill(&mut random).map_err(|e| PhotoError::Random(e.to_string()))?;
    Ok((format!("{}.jpg", hex::encode(random)), encoded))
}

/// Whether `key` has the shape [`store_photo`] gives keys (so it cannot walk the file system).
#[must_use]
pub fn is_valid_key(key: &str) -> bool {
    key.len() == 36 && key.ends_with(".jpg") && key[..32].chars().all(|c| c.is_ascii_hexdigit())
}

/// Moves the files kept in `media_dir/public` and `media_dir/private` (where application
/// photos lived before the one store) into `store`, and returns how many moved. Safe to run
/// in several processes at once and again after a crash: a file is copied before it is
/// removed, and copying the same bytes twice stores the same object.
///
/// # Errors
/// When a folder cannot be read or the store fails; what moved stays moved.
pub async fn move_legacy_files(media_dir: &Path, store: &PhotoStore) -> Result<usize, StoreError> {
    let mut moved = 0;
    for visibility in [Visibility::Public, Visibility::Private] {
        let folder = media_dir.join(visibility.folder());
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_valid_key(&name) {
                continue;
            }
            let path = entry.path();
            let Ok(bytes) = tokio::fs::read(&path).await else { continue };
            if !store.has_file(visibility, &name).await? {
                store.put_file(visibility, &name, bytes).await?;
            }
            match tokio::fs::remove_file(&path).await {
                Ok(()) => moved += 1,
                // Another process moved it first.
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => tracing::warn!(%error, "a moved file could not be removed"),
            }
        }
        // Empty now (or holding strangers, which stay): the folder goes when it can.
        let _ = std::fs::remove_dir(&folder);
    }
    Ok(moved)
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

    #[tokio::test]
    async fn a_photo_is_stored_scaled_down_under_a_random_key_and_only_as_private() {
        let store = PhotoStore::in_memory();
        let key = save_photo(&store, Visibility::Private, jpeg(2400, 1200)).await.expect("stored");
        assert!(is_valid_key(&key));
        let bytes = store.file(Visibility::Private, &key).await.expect("read").expect("stored");
        let stored = image::load_from_memory(&bytes).expect("readable");
        assert_eq!((stored.width(), stored.height()), (1600, 800));
        assert_eq!(store.file(Visibility::Public, &key).await.expect("read"), None, "not public");
        store.delete_files_of(std::slice::from_ref(&key)).await.expect("delete");
        assert_eq!(store.file(Visibility::Private, &key).await.expect("read"), None, "deleted");
    }

    #[tokio::test]
    async fn files_kept_in_the_old_folders_move_into_the_store_once() {
        let dir = std::env::temp_dir().join(format!("pp-legacy-{}", std::process::id()));
        let (key, bytes) = prepare_photo(&jpeg(400, 300)).expect("photo");
        std::fs::create_dir_all(dir.join("private")).expect("folder");
        std::fs::write(dir.join("private").join(&key), &bytes).expect("write");
        std::fs::create_dir_all(dir.join("public")).expect("folder");
        std::fs::write(dir.join("public").join("notes.txt"), b"not ours").expect("write");
        let store = PhotoStore::in_memory();

        assert_eq!(move_legacy_files(&dir, &store).await.expect("move"), 1);
        assert_eq!(
            store.file(Visibility::Private, &key).await.expect("read").as_deref(),
            Some(&bytes[..])
        );
        assert!(!dir.join("private").exists(), "the old file and its emptied folder are gone");
        assert!(dir.join("public").join("notes.txt").exists(), "what is not a stored file stays");
        assert_eq!(move_legacy_files(&dir, &store).await.expect("again"), 0, "nothing moves twice");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn what_is_not_an_image_is_refused() {
        assert!(matches!(
            prepare_photo(b"%PDF-1.4 not a photo"),
            Err(PhotoError::Refused(crate::photos::PhotoError::UnsupportedFormat))
        ));
        let too_big = vec![0u8; MAX_UPLOAD_BYTES + 1];
        assert!(matches!(prepare_photo(&too_big), Err(PhotoError::TooLarge)));
    }

    #[test]
    fn a_cut_off_jpeg_is_refused_as_damaged() {
        let whole = jpeg(800, 600);
        let cut = &whole[..whole.len() * 2 / 3];
        assert!(matches!(
            prepare_photo(cut),
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
