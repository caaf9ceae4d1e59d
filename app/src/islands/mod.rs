//! Islands: the only components shipped to the browser as WebAssembly.
//!
//! Each island enhances HTML that already works without JavaScript, and receives its text
//! already translated as props, so the translation catalogues stay on the server and out of
//! the download.

mod photo_picker;
mod search_box;
mod share_button;

pub use photo_picker::{PhotoPicker, PhotoPickerText};
pub use search_box::SearchBox;
pub use share_button::ShareButton;
