//! `site deploy`: puts a release build where nginx serves it, with nginx's configuration,
//! in the one order that never serves a page whose files are missing: the hashed files
//! first (new names, which no page served yet links to), then the documents and the other
//! files, then the hosts' files. Everything is checked before the first file is copied.

use std::path::{Path, PathBuf};

use super::compress::files_under;
use super::hosts::{COMPRESSED, HASHED, HOST_FILES, extension};
use super::nginx::{NginxSettings, nginx_conf};

/// The order files go in: hashed first, host files last.
fn rank(file: &str) -> u8 {
    let name = file.trim_end_matches(".br").trim_end_matches(".gz");
    if HASHED.contains(&extension(name)) {
        0
    } else if HOST_FILES.contains(&name) {
        2
    } else {
        1
    }
}

/// Whether `dist` is a release build, as `site build` writes one: its hosts' files, and a
/// `.br` and `.gz` beside every text file.
fn check_release(dist: &Path, files: &[String]) -> Result<(), String> {
    let not_release = |why: String| {
        format!(
            "{} is not a release build ({why}): run `make build`",
            dist.display()
        )
    };
    for host_file in HOST_FILES {
        if !files.iter().any(|file| file == host_file) {
            return Err(not_release(format!("no {host_file}")));
        }
    }
    for file in files
        .iter()
        .filter(|file| COMPRESSED.contains(&extension(file)))
    {
        for copy in [format!("{file}.br"), format!("{file}.gz")] {
            if !files.contains(&copy) {
                return Err(not_release(format!("no {copy}")));
            }
        }
    }
    Ok(())
}

/// Copies `dist` into `root` and writes nginx's configuration to `nginx_conf_path`: the
/// files copied, in order, then the configuration.
pub fn deploy(
    dist: &Path,
    root: &Path,
    nginx_conf_path: &Path,
    settings: &NginxSettings,
) -> Result<Vec<PathBuf>, String> {
    let io = |what: &Path, error: std::io::Error| format!("{}: {error}", what.display());
    let mut files: Vec<String> = files_under(dist)
        .map_err(|error| io(dist, error))?
        .iter()
        .map(|file| file.to_string_lossy().into_owned())
        .filter(|file| !file.starts_with('.'))
        .collect();
    check_release(dist, &files)?;
    if let Some(tls) = &settings.tls {
        for pem in [&tls.certificate, &tls.certificate_key] {
            if !Path::new(pem).is_file() {
                return Err(format!("the TLS certificate or key {pem} does not exist"));
            }
        }
    }
    files.sort_by_key(|file| rank(file));
    let mut done = Vec::new();
    for file in &files {
        let target = root.join(file);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|error| io(parent, error))?;
        }
        // Copied aside, then renamed over: a visitor never gets half a file.
        let partial = root.join(format!("{file}.partial"));
        std::fs::copy(dist.join(file), &partial).map_err(|error| io(&partial, error))?;
        std::fs::rename(&partial, &target).map_err(|error| io(&target, error))?;
        done.push(PathBuf::from(file));
    }
    std::fs::write(nginx_conf_path, nginx_conf(settings))
        .map_err(|error| io(nginx_conf_path, error))?;
    done.push(nginx_conf_path.to_path_buf());
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_files_go_first_and_host_files_last() {
        let mut files = vec![
            "_headers",
            "index.html",
            "index.html.br",
            "raison-etre-0a1b_bg.wasm.br",
            "robots.txt",
            "_redirects",
            "raison-etre-0a1b.js",
        ];
        files.sort_by_key(|file| rank(file));
        assert_eq!(
            files,
            [
                "raison-etre-0a1b_bg.wasm.br",
                "raison-etre-0a1b.js",
                "index.html",
                "index.html.br",
                "robots.txt",
                "_headers",
                "_redirects",
            ]
        );
    }
}
