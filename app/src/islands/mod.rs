//! Islands: the only components shipped to the browser as WebAssembly.
//!
//! Each island enhances HTML that already works without JavaScript, and receives its text
//! already translated as props, so the translation catalogues stay on the server and out of
//! the download. The bundle is loaded only on the pages [`ISLAND_PAGES`] names, so a shopper
//! never downloads a vendor's tools; small enhancements every page shares (the header
//! search, sharing a product) are plain components wired by `app/js/enhance.js`.

mod photo_picker;

pub use photo_picker::{PhotoPicker, PhotoPickerText};

/// Path prefixes of the pages that render an island, and so load the WebAssembly bundle:
/// the product form's photo picker. A new island's page must be added here; the browser
/// tests of that island fail otherwise, because nothing would hydrate it.
pub const ISLAND_PAGES: &[&str] = &["/lapak/produk/"];

/// Whether the page at `path` renders an island.
#[must_use]
pub fn page_has_islands(path: &str) -> bool {
    ISLAND_PAGES.iter().any(|prefix| path.starts_with(prefix))
}
