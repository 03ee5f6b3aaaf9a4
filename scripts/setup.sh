#!/usr/bin/env bash
# Installs what building, serving and testing need: only what is missing, so a second run
# takes seconds. Versions come from Cargo.lock, Trunk.toml and package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

trunk_version=$(sed -n 's/^trunk-version = "\(.*\)"/\1/p' Trunk.toml)
bindgen_version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)

# The toolchain and its wasm target come from rust-toolchain.toml.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

# Both tools are compiled from crates.io: the usual prebuilt downloads come from GitHub,
# which these machines cannot reach. LTO off halves the compile time of the tools only.
if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  step "installing trunk $trunk_version (about 15 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false \
    cargo install trunk --version "$trunk_version" --locked --ignore-rust-version
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  step "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  CARGO_PROFILE_RELEASE_LTO=false \
    cargo install wasm-bindgen-cli --version "=$bindgen_version" --force
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm: wasm-opt (binaryen), the static server and Playwright. Never downloads a browser.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# Offline builds need every crate in the local registry already.
cargo fetch --locked --quiet
