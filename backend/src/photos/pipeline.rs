//! The CPU part: from an uploaded file to clean WebP variants. Pure and synchronous; callers
//! run it on a blocking thread under the concurrency limit of [`super::PhotoStore`].
//!
//! Order matters for speed and memory on a 12-megapixel phone photo: the header is checked
//! before anything is decoded, the picture is scaled down *before* it is turned upright (turning
//! 1600 px is cheap, turning 4000 px is not), and each smaller variant is made from the one
//! above it rather than from the full picture.

use std::io::Cursor;

use domain::listing::photo_widths;
use fast_image_resize as fr;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};
use sha2::{Digest, Sha256};

use super::sniff::{identify, jpeg_is_complete, refuse_polyglot, Format};
use super::{PhotoError, PhotoKey};

/// The largest upload accepted, in bytes. A 12-megapixel phone JPEG is 3–6 MB; a 50 MP one
/// or a PNG screenshot can be more.
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;
/// The most pixels decoded (a 50 MP phone sensor). A 20000×20000 "bomb" is refused from its
/// header alone, before any pixel memory is taken.
const MAX_PIXELS: u64 = 52_000_000;
/// Neither side may be longer (a 1×50,000,000 strip is not a photo either).
const MAX_SIDE: u32 = 12_000;
/// Memory a decode may take, the decoder's pixels and their 8-bit RGB copy together: a 50 MP
/// RGB JPEG (150 MB) or a 20 MP RGBA PNG (80 + 60 MB) with room to spare, not more.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// Shorter pictures are too small to show a product.
const MIN_SIDE: u32 = 200;
/// The tallest variant (a long screenshot would otherwise become a 1600×10000 image).
const MAX_HEIGHT: u32 = 2400;
/// libwebp quality. 74 keeps an 800-px phone photo near 40–55 KB with no visible loss on a
/// phone screen; 80 costs ~25% more bytes.
const WEBP_QUALITY: f32 = 74.0;

/// One encoded size of a photo.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Width in pixels (one of [`photo_widths`]).
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// WebP bytes, no metadata.
    pub bytes: Vec<u8>,
}

/// A photo ready to store: its content-derived key and its variants, largest last.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Derived from the largest variant's bytes: the same photo uploaded twice is stored once.
    pub key: PhotoKey,
    /// Variants, smallest first.
    pub variants: Vec<Variant>,
}

impl Processed {
    /// The largest variant's size, which pages use for `width`/`height` and the aspect ratio.
    #[must_use]
    pub fn size(&self) -> (u32, u32) {
        self.variants.last().map_or((0, 0), |v| (v.width, v.height))
    }
}

/// Checks, decodes, turns upright, scales and re-encodes an upload.
///
/// # Errors
/// [`PhotoError`] naming why the file was refused; nothing is kept of it.
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    let (picture, orientation) = decode_checked(bytes)?;
    let (width, height) = (picture.width(), picture.height());
    let turned = turns_sideways(orientation);
    let (shown_width, shown_height) = if turned { (height, width) } else { (width, height) };
    let widths = photo_widths(largest_width(shown_width, shown_height));

    let mut variants = Vec::with_capacity(widths.len());
    let mut source = picture;
    // Largest first, each from the one before, then reversed to smallest-first.
    for &shown in widths.iter().rev() {
        let shown_h = scaled(shown_height, shown, shown_width);
        // Sizes in the stored (unturned) orientation.
        let (w, h) = if turned { (shown_h, shown) } else { (shown, shown_h) };
        let smaller = resize(&source, w, h)?;
        let upright = upright(smaller.clone(), orientation);
        let bytes = encode(&upright)?;
        variants.push(Variant { width: upright.width(), height: upright.height(), bytes });
        source = smaller;
    }
    variants.reverse();
    let largest = variants.last().ok_or(PhotoError::Corrupt)?;
    let key = PhotoKey::from_digest(&Sha256::digest(&largest.bytes));
    Ok(Processed { key, variants })
}

/// Every check an upload passes before and while it is decoded — size, format, polyglots,
/// cut-off JPEGs, pixels, bit depth, the decoder's memory — then the pixels (RGB, not yet
/// upright) and the orientation to apply. Every uploaded picture, whatever the form, is
/// decoded here and nowhere else.
///
/// # Errors
/// [`PhotoError`] naming why the file was refused.
pub fn decode_checked(bytes: &[u8]) -> Result<(RgbImage, Orientation), PhotoError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = identify(bytes)?;
    refuse_polyglot(bytes)?;
    if format == Format::Jpeg && !jpeg_is_complete(bytes) {
        return Err(PhotoError::Corrupt);
    }
    decode(bytes, format)
}

/// Turns decoded pixels upright (cheap once they are scaled down).
#[must_use]
pub fn upright(picture: RgbImage, orientation: Orientation) -> RgbImage {
    if orientation == Orientation::NoTransforms {
        return picture;
    }
    let mut picture = DynamicImage::ImageRgb8(picture);
    picture.apply_orientation(orientation);
    picture.into_rgb8()
}

/// The largest variant's width: at most 1600, and narrower when the picture is so tall that
/// 1600 wide would pass [`MAX_HEIGHT`].
fn largest_width(width: u32, height: u32) -> u32 {
    let by_height = u64::from(width) * u64::from(MAX_HEIGHT) / u64::from(height.max(1));
    let by_height = u32::try_from(by_height).unwrap_or(u32::MAX);
    width.min(by_height).clamp(1, 1600)
}

fn scaled(side: u32, new_other: u32, old_other: u32) -> u32 {
    let value = (u64::from(side) * u64::from(new_other) + u64::from(old_other) / 2)
        / u64::from(old_other.max(1));
    u32::try_from(value).unwrap_or(u32::MAX).max(1)
}

fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Decodes with hard limits, so bombs and lying headers cost a header read, not gigabytes.
fn decode(bytes: &[u8], format: Format) -> Result<(RgbImage, Orientation), PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.as_image_format());
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE {
        return Err(PhotoError::TooManyPixels);
    }
    if width.min(height) < MIN_SIDE {
        return Err(PhotoError::TooSmall);
    }
    // Bit depth counts as much as pixels: a 7000×7000 16-bit PNG decodes to 294 MB, and its
    // 8-bit copy (what we keep) needs 147 MB more. Both must fit what a worker may hold.
    let converted = if decoder.color_type() == image::ColorType::Rgb8 {
        0
    } else {
        u64::from(width) * u64::from(height) * 3
    };
    if decoder.total_bytes().saturating_add(converted) > MAX_DECODE_BYTES {
        return Err(PhotoError::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    Ok((flatten(picture), orientation))
}

fn refusal(error: image::ImageError) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        _ => PhotoError::Corrupt,
    }
}

/// RGB on white: transparent parts of a PNG become white, not black, on every screen.
fn flatten(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    let (width, height) = rgba.dimensions();
    let mut rgb = RgbImage::new(width, height);
    for (out, pixel) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u16::from(pixel[3]);
        for channel in 0..3 {
            let blended = (u16::from(pixel[channel]) * alpha + 255 * (255 - alpha)) / 255;
            out[channel] = u8::try_from(blended).unwrap_or(u8::MAX);
        }
    }
    rgb
}

fn resize(source: &RgbImage, width: u32, height: u32) -> Result<RgbImage, PhotoError> {
    if source.dimensions() == (width, height) {
        return Ok(source.clone());
    }
    let src = fr::images::ImageRef::new(
        source.width(),
        source.height(),
        source.as_raw(),
        fr::PixelType::U8x3,
    )
    .map_err(|_| PhotoError::Corrupt)?;
    let mut dst = fr::images::Image::new(width, height, fr::PixelType::U8x3);
    // Catmull-Rom: as sharp as Lanczos3 on photos at two thirds of its cost.
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::CatmullRom));
    fr::Resizer::new().resize(&src, &mut dst, &options).map_err(|_| PhotoError::Corrupt)?;
    RgbImage::from_raw(width, height, dst.into_vec()).ok_or(PhotoError::Corrupt)
}

/// Lossy WebP from raw pixels: nothing of the upload's metadata can survive.
fn encode(picture: &RgbImage) -> Result<Vec<u8>, PhotoError> {
    let encoder = webp::Encoder::from_rgb(picture.as_raw(), picture.width(), picture.height());
    let encoded = encoder.encode_simple(false, WEBP_QUALITY).map_err(|_| PhotoError::Corrupt)?;
    Ok(encoded.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_variant_is_at_most_1600_wide_and_2400_tall() {
        assert_eq!(largest_width(4000, 3000), 1600);
        assert_eq!(largest_width(3000, 4000), 1600);
        assert_eq!(largest_width(1000, 10_000), 240);
        assert_eq!(largest_width(700, 500), 700);
    }
}
