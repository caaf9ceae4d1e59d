//! The photo pipeline on real files: orientation, metadata removal, variants, and every kind
//! of bad upload the issue lists. Files are made here (no binary fixtures to trust blindly).

use std::io::Cursor;

use backend::photos::{process, PhotoError, PhotoKey, PhotoStore, MAX_UPLOAD_BYTES};

/// A photo-like picture: smooth gradients plus fine texture, so encoders work as on a photo.
fn picture(width: u32, height: u32) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        let noise = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23;
        let r = (x * 255 / width) as u8;
        let g = (y * 255 / height) as u8;
        image::Rgb([r.saturating_add(noise as u8), g, 120u8.saturating_add(noise as u8)])
    })
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    picture(width, height)
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90))
        .expect("encode jpeg");
    bytes
}

fn png_with_alpha(width: u32, height: u32) -> Vec<u8> {
    let rgba =
        image::RgbaImage::from_fn(width, height, |x, _| image::Rgba([0, 0, 0, (x % 256) as u8]));
    let mut bytes = Vec::new();
    rgba.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encode png");
    bytes
}

/// An EXIF block (as phones write it) with orientation 6 ("turn 90° clockwise") and a GPS
/// latitude, inserted right after the JPEG's start marker.
fn with_exif_orientation_6_and_gps(jpeg: &[u8]) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&count.to_le_bytes());
        tiff.extend_from_slice(&value.to_le_bytes());
    };
    // IFD0 at 8: orientation (SHORT) and the GPS IFD pointer (LONG) -> GPS IFD at 38.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, 6);
    entry(&mut tiff, 0x8825, 4, 1, 38);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD at 38: latitude ref "S" (ASCII, inline) and latitude (3 RATIONALs at 68).
    tiff.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, u32::from(b'S'));
    entry(&mut tiff, 0x0002, 5, 3, 68);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    for (numerator, denominator) in [(10u32, 1u32), (10, 1), (1234, 100)] {
        tiff.extend_from_slice(&numerator.to_le_bytes());
        tiff.extend_from_slice(&denominator.to_le_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let length = u16::try_from(app1.len() + 2).expect("small");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn has_gps(bytes: &[u8]) -> bool {
    exif::Reader::new().read_from_container(&mut Cursor::new(bytes)).is_ok_and(|exif| {
        exif.fields()
            .any(|f| f.ifd_num == exif::In::PRIMARY && f.tag.context() == exif::Context::Gps)
    })
}

fn decoded_size(webp: &[u8]) -> (u32, u32) {
    let picture =
        image::load_from_memory_with_format(webp, image::ImageFormat::WebP).expect("a WebP");
    (picture.width(), picture.height())
}

#[test]
fn a_phone_photo_becomes_three_webp_variants() {
    let processed = process(&jpeg(4000, 3000)).expect("accepted");
    let sizes: Vec<_> = processed.variants.iter().map(|v| (v.width, v.height)).collect();
    assert_eq!(sizes, [(400, 300), (800, 600), (1600, 1200)]);
    for variant in &processed.variants {
        assert!(variant.bytes.starts_with(b"RIFF") && &variant.bytes[8..12] == b"WEBP");
        assert_eq!(decoded_size(&variant.bytes), (variant.width, variant.height));
    }
    assert_eq!(processed.size(), (1600, 1200));
}

#[test]
fn orientation_6_swaps_the_dimensions_and_gps_never_survives() {
    let input = with_exif_orientation_6_and_gps(&jpeg(900, 600));
    assert!(has_gps(&input), "the test file must carry a GPS position");
    let processed = process(&input).expect("accepted");
    let largest = processed.variants.last().expect("a variant");
    assert_eq!((largest.width, largest.height), (600, 900), "turned upright");
    assert_eq!(decoded_size(&largest.bytes), (600, 900));
    for variant in &processed.variants {
        assert!(!has_gps(&variant.bytes), "GPS in the {} px variant", variant.width);
        assert!(!variant.bytes.windows(4).any(|w| w == b"Exif" || w == b"EXIF"), "EXIF chunk kept");
    }
}

#[test]
fn the_same_photo_gets_the_same_key_and_a_different_one_another() {
    let first = process(&jpeg(800, 600)).expect("accepted");
    let again = process(&jpeg(800, 600)).expect("accepted");
    let other = process(&jpeg(801, 600)).expect("accepted");
    assert_eq!(first.key, again.key);
    assert_ne!(first.key, other.key);
    assert!(PhotoKey::parse(first.key.as_str()).is_some());
    assert!(PhotoKey::parse("../../etc/passwd").is_none());
}

#[test]
fn small_and_transparent_pictures_are_kept_small_and_on_white() {
    let processed = process(&png_with_alpha(300, 250)).expect("accepted");
    let sizes: Vec<_> = processed.variants.iter().map(|v| v.width).collect();
    assert_eq!(sizes, [300], "never scaled up");
    let picture = image::load_from_memory(&processed.variants[0].bytes).expect("webp").into_rgb8();
    let corner = picture.get_pixel(0, 0);
    assert!(
        corner[0] > 230 && corner[1] > 230 && corner[2] > 230,
        "transparent became white: {corner:?}"
    );
}

#[test]
fn webp_input_is_accepted() {
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(picture(640, 480))
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::WebP)
        .expect("encode webp");
    let processed = process(&bytes).expect("accepted");
    assert_eq!(processed.size(), (640, 480));
}

/// PNG chunk with its CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut out = u32::try_from(data.len()).expect("small").to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

#[test]
fn a_20000_by_20000_png_bomb_is_refused_from_its_header() {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB: 1.2 GB once inflated
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    // A zlib stream of zeros (what a bomb inflates to), then the end.
    png.extend(chunk(b"IDAT", &[0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]));
    png.extend(chunk(b"IEND", &[]));
    assert_eq!(process(&png).err(), Some(PhotoError::TooManyPixels));
}

#[test]
fn a_jpeg_header_claiming_65535_by_65535_is_refused() {
    let mut file = jpeg(400, 300);
    // The SOF0 marker: FF C0, length (2), precision (1), height (2), width (2).
    let sof = file.windows(2).position(|w| w == [0xFF, 0xC0]).expect("baseline JPEG");
    file[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(process(&file).err(), Some(PhotoError::TooManyPixels));
}

#[test]
fn damaged_cut_off_and_foreign_files_are_refused_with_their_reason() {
    let good = jpeg(800, 600);
    let truncated = &good[..good.len() / 3];
    assert_eq!(process(truncated).err(), Some(PhotoError::Corrupt), "truncated");
    let png = png_with_alpha(400, 300);
    assert_eq!(process(&png[..png.len() / 2]).err(), Some(PhotoError::Corrupt), "truncated PNG");
    let mut garbage = b"\xFF\xD8\xFF\xE0".to_vec();
    garbage.extend(std::iter::repeat_n(0x5Au8, 4000));
    assert_eq!(process(&garbage).err(), Some(PhotoError::Corrupt), "garbage after the signature");
    assert_eq!(process(b"%PDF-1.7 not a picture").err(), Some(PhotoError::UnsupportedFormat));
    assert_eq!(process(b"GIF89a\x01\0\x01\0").err(), Some(PhotoError::UnsupportedFormat));
    assert_eq!(process(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").err(), Some(PhotoError::Heic));
    assert_eq!(process(&jpeg(150, 100)).err(), Some(PhotoError::TooSmall));
    let mut huge = good.clone();
    huge.resize(MAX_UPLOAD_BYTES + 1, 0);
    assert_eq!(process(&huge).err(), Some(PhotoError::TooLarge));
}

#[test]
fn a_polyglot_picture_is_refused() {
    let mut jpeg_and_page = jpeg(400, 300);
    jpeg_and_page.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
    assert_eq!(process(&jpeg_and_page).err(), Some(PhotoError::Polyglot));
    // GIFAR-style: a JAR (ZIP) appended to a picture.
    let mut jpeg_and_zip = jpeg(400, 300);
    jpeg_and_zip
        .extend_from_slice(b"PK\x03\x04payloadPK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
    assert_eq!(process(&jpeg_and_zip).err(), Some(PhotoError::Polyglot));
}

#[tokio::test]
async fn the_store_keeps_every_variant_under_the_key() {
    let store = PhotoStore::in_memory();
    let processed = store.process(jpeg(2000, 1500)).await.expect("ran").expect("accepted");
    store.save(&processed).await.expect("saved");
    assert_eq!(store.stored_widths(&processed.key).await.expect("listed"), [400, 800, 1600]);
    let served = store.variant(&processed.key, 800).await.expect("read").expect("present");
    assert_eq!(served.as_ref(), processed.variants[1].bytes.as_slice());
    assert!(store.variant(&processed.key, 801).await.expect("read").is_none());
}

#[test]
fn an_application_photo_too_deep_to_decode_safely_is_refused_from_its_header() {
    use backend::media::{prepare_photo, PhotoError};
    use backend::photos::PhotoError as Refused;
    // 7000×7000 at 16 bits per channel: 294 MB of pixels, under the 50-megapixel limit.
    let refused = prepare_photo(&backend::testing::deep_png_header(7000, 7000));
    assert!(matches!(refused, Err(PhotoError::Refused(Refused::TooManyPixels))), "{refused:?}");
    // The same header at a size that fits is read on (and found cut off).
    let small = prepare_photo(&backend::testing::deep_png_header(400, 300));
    assert!(matches!(small, Err(PhotoError::Refused(Refused::Corrupt))), "{small:?}");
}
