//! The reference file shipped in the repository (`backend/data/kupang-wilayah.csv`).

/// The file's contents, embedded so the binary needs nothing beside it to seed a database.
pub const KUPANG_WILAYAH: &str = include_str!("../../data/kupang-wilayah.csv");

/// One line of the file: a kelurahan and the kecamatan it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WilayahRow {
    /// Kecamatan name, e.g. `Kelapa Lima`.
    pub kecamatan: String,
    /// Kelurahan name, e.g. `Oesapa Barat`.
    pub kelurahan: String,
}

impl WilayahRow {
    /// The kecamatan's stable key: lowercase words joined by hyphens.
    #[must_use]
    pub fn kecamatan_slug(&self) -> String {
        self.kecamatan.split_whitespace().collect::<Vec<_>>().join("-").to_lowercase()
    }
}

/// Reads `kecamatan,kelurahan` lines, skipping `#` comments, blank lines and the header.
///
/// # Errors
/// The 1-based number of the first line that does not have exactly two non-empty fields.
pub fn parse_wilayah(text: &str) -> Result<Vec<WilayahRow>, usize> {
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "kecamatan,kelurahan" {
            continue;
        }
        let mut fields = line.split(',').map(str::trim);
        match (fields.next(), fields.next(), fields.next()) {
            (Some(kecamatan), Some(kelurahan), None)
                if !kecamatan.is_empty() && !kelurahan.is_empty() =>
            {
                rows.push(WilayahRow { kecamatan: kecamatan.into(), kelurahan: kelurahan.into() });
            }
            _ => return Err(index + 1),
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_shipped_file_has_six_kecamatan_and_fifty_one_kelurahan() {
        let rows = parse_wilayah(KUPANG_WILAYAH).expect("the shipped file parses");
        let kecamatan: BTreeSet<_> = rows.iter().map(|r| r.kecamatan.as_str()).collect();
        assert_eq!(kecamatan.len(), 6);
        assert_eq!(rows.len(), 51);
    }

    #[test]
    fn slugs_are_lowercase_and_hyphenated() {
        let row = WilayahRow { kecamatan: "Kelapa Lima".into(), kelurahan: "Oesapa".into() };
        assert_eq!(row.kecamatan_slug(), "kelapa-lima");
    }

    #[test]
    fn a_line_without_two_fields_is_reported_by_number() {
        assert_eq!(parse_wilayah("# c\nkecamatan,kelurahan\nAlak,Naioni\nOebobo\n"), Err(4));
        assert_eq!(parse_wilayah("Alak,,\n"), Err(1));
    }
}
