//! The `.br` and `.gz` copies of a release build's text files, made once at build time at
//! the strongest settings (brotli quality 11, gzip level 9), for hosts that send them as
//! they are (`brotli_static`, `gzip_static`): the bytes served are the bytes measured.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::hosts::{COMPRESSED, extension};

/// Writes NAME.br and NAME.gz beside each text file ([`COMPRESSED`]) under `dir`; returns
/// the files compressed, relative to `dir`.
pub fn precompress(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for file in files_under(dir)? {
        let name = file.to_string_lossy();
        if !COMPRESSED.contains(&extension(&name)) {
            continue;
        }
        let bytes = std::fs::read(dir.join(&file))?;
        std::fs::write(dir.join(format!("{name}.br")), brotli(&bytes)?)?;
        std::fs::write(dir.join(format!("{name}.gz")), gzip(&bytes)?)?;
        files.push(file);
    }
    Ok(files)
}

/// Every file under `dir`, relative to it, in a stable order.
pub fn files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(dir.join(&folder))? {
            let entry = entry?;
            let relative = folder.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                folders.push(relative);
            } else {
                files.push(relative);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let encoder = brotlic::BrotliEncoderOptions::new()
        .quality(brotlic::Quality::best())
        .build()
        .map_err(std::io::Error::other)?;
    let mut writer = brotlic::CompressorWriter::with_encoder(encoder, Vec::new());
    writer.write_all(bytes)?;
    writer
        .into_inner()
        .map_err(|error| std::io::Error::other(error.to_string()))
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn both_copies_hold_the_same_bytes_and_are_smaller() {
        let text = "« Notre raison d’être » ".repeat(200);
        let brotlied = brotli(text.as_bytes()).unwrap();
        let mut unbrotlied = String::new();
        brotlic::DecompressorReader::new(&brotlied[..])
            .read_to_string(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, text);
        assert!(brotlied.len() < text.len() / 10);
        let gzipped = gzip(text.as_bytes()).unwrap();
        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(&gzipped[..])
            .read_to_string(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, text);
        assert!(gzipped.len() < text.len() / 10);
    }
}
