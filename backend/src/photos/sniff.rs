//! What kind of file an upload really is, read from its first bytes (never its name or the
//! browser's content type), and whether it smuggles something besides a picture.

use super::PhotoError;

/// The picture formats accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JPEG (what phone cameras write).
    Jpeg,
    /// PNG (screenshots, edited pictures).
    Png,
    /// WebP (what WhatsApp and some phones save).
    Webp,
}

impl Format {
    pub(super) fn as_image_format(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::Webp => image::ImageFormat::WebP,
        }
    }
}

/// ISO base-media brands of HEIF pictures (iPhones' and newer Androids' default), so the vendor
/// can be told to send a JPEG instead of just "not a picture".
const HEIF_BRANDS: [&[u8; 4]; 8] =
    [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"];

/// Identifies the format from the file's signature.
///
/// # Errors
/// [`PhotoError::Heic`] for HEIF/HEIC, [`PhotoError::UnsupportedFormat`] for anything else.
pub fn identify(bytes: &[u8]) -> Result<Format, PhotoError> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(Format::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok(Format::Webp)
    } else if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && HEIF_BRANDS.iter().any(|brand| &bytes[8..12] == *brand)
    {
        Err(PhotoError::Heic)
    } else {
        Err(PhotoError::UnsupportedFormat)
    }
}

/// Markers of a polyglot: markup or script that a browser or server could be tricked into
/// running. Compressed picture data containing one of these byte strings by chance is
/// vanishingly unlikely (7+ exact bytes), so a file that has one was made that way on purpose.
/// All but one start with `<`, so one pass finds the candidates.
const SMUGGLED: [&[u8]; 6] = [b"<script", b"<html", b"<svg", b"<iframe", b"<?php", b"<!doctype"];
const SCRIPT_URL: &[u8] = b"javascript:";

/// Refuses files that are a picture and something else at once: markup or script inside, or
/// a ZIP/JAR archive appended (a "GIFAR").
///
/// # Errors
/// [`PhotoError::Polyglot`].
pub fn refuse_polyglot(bytes: &[u8]) -> Result<(), PhotoError> {
    let starts_with_any = |at: usize, needles: &[&[u8]]| {
        needles.iter().any(|needle| {
            bytes.get(at..at + needle.len()).is_some_and(|found| found.eq_ignore_ascii_case(needle))
        })
    };
    let smuggled = bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'<' => starts_with_any(at, &SMUGGLED),
        b'j' | b'J' => starts_with_any(at, &[SCRIPT_URL]),
        _ => false,
    });
    // The end-of-central-directory record of a ZIP sits in its last 64 KiB.
    let tail = &bytes[bytes.len().saturating_sub(66 * 1024)..];
    let zip_appended = tail.windows(4).any(|w| w == b"PK\x05\x06");
    if zip_appended || smuggled {
        return Err(PhotoError::Polyglot);
    }
    Ok(())
}

/// Whether a JPEG's main picture reaches its end marker. The decoder quietly paints the
/// missing part of a cut-off upload grey (a half-sent photo from a dropped 3G connection), so
/// this is checked here: walk the segments to the start of the scan (skipping the EXIF
/// thumbnail, which has its own end marker), then look for the end marker in the scan data,
/// where a 0xFF byte is otherwise always followed by 0x00 or a restart marker.
#[must_use]
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut at = 2;
    loop {
        let Some(&[0xFF, marker]) = bytes.get(at..at + 2) else { return false };
        match marker {
            0xFF => at += 1, // fill byte
            0xDA => break,
            0xD0..=0xD7 | 0x01 => at += 2,
            _ => {
                let Some(length) = bytes.get(at + 2..at + 4) else { return false };
                at += 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
            }
        }
    }
    bytes[at..].windows(2).any(|pair| pair == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_signature() {
        assert_eq!(identify(b"\xFF\xD8\xFF\xE0rest").ok(), Some(Format::Jpeg));
        assert_eq!(identify(b"\x89PNG\r\n\x1a\nrest").ok(), Some(Format::Png));
        assert_eq!(identify(b"RIFF\0\0\0\0WEBPVP8 ").ok(), Some(Format::Webp));
        assert!(matches!(identify(b"\0\0\0\x18ftypheic\0\0\0\0"), Err(PhotoError::Heic)));
        assert!(matches!(identify(b"GIF89a......"), Err(PhotoError::UnsupportedFormat)));
        assert!(matches!(identify(b"%PDF-1.7"), Err(PhotoError::UnsupportedFormat)));
        assert!(matches!(identify(b""), Err(PhotoError::UnsupportedFormat)));
    }

    #[test]
    fn a_picture_carrying_script_or_an_archive_is_refused() {
        let mut file = b"\xFF\xD8\xFF\xE0 picture bytes ".to_vec();
        assert!(refuse_polyglot(&file).is_ok());
        let mut with_script = file.clone();
        with_script.extend_from_slice(b"<SCRIPT>alert(1)</script>");
        assert!(matches!(refuse_polyglot(&with_script), Err(PhotoError::Polyglot)));
        file.extend_from_slice(b"PK\x03\x04 ... PK\x05\x06\0\0");
        assert!(matches!(refuse_polyglot(&file), Err(PhotoError::Polyglot)));
    }
}
