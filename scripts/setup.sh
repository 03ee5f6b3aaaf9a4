#!/usr/bin/env bash
# Installs what the project needs, only what is missing, so a second run takes seconds.
# Versions come from Cargo.lock, Trunk.toml and package-lock.json.
#
#   scripts/setup.sh serve   what `trunk serve` needs: the wasm32 target, Trunk and
#                            wasm-bindgen-cli (no root, no apt, no npm)
#   scripts/setup.sh build   and what a release build needs: binaryen's wasm-opt (npm)
#   scripts/setup.sh test    and what the tests need: Chromium, chromedriver, nginx and a
#                            Java runtime (Debian, root or sudo), Playwright, axe-core, the
#                            Nu Html Checker, Lighthouse (npm)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
level=${1:-test}
case "$level" in serve | build | test) ;; *) echo "usage: $0 serve|build|test" >&2; exit 2 ;; esac

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
  step "installing trunk $trunk_version (about 10 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false \
    cargo install trunk --version "$trunk_version" --locked --ignore-rust-version
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  step "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  CARGO_PROFILE_RELEASE_LTO=false \
    cargo install wasm-bindgen-cli --version "=$bindgen_version" --force
fi

# Offline builds need every crate in the local registry already.
cargo fetch --locked --quiet
[ "$level" = serve ] && exit 0

# npm: binaryen's wasm-opt for release builds; for the tests, Playwright, axe-core,
# Lighthouse and the benchmark's comparison. Never downloads a browser.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# Offline, Trunk looks for wasm-opt on PATH only, never in its download cache: link npm's
# next to trunk, so that plain `trunk build --release` finds it, as `make` does.
wasm_opt_version=$(sed -n 's/^wasm_opt = "\(.*\)"/\1/p' Trunk.toml)
if [[ "$("$HOME/.cargo/bin/wasm-opt" --version 2>/dev/null)" != *"($wasm_opt_version)" ]]; then
  step "linking wasm-opt ($wasm_opt_version) into ~/.cargo/bin"
  ln -sfn "$PWD/node_modules/binaryen/bin/wasm-opt" "$HOME/.cargo/bin/wasm-opt"
fi
[ "$level" = build ] && exit 0

# Chromium for the tests; nginx, with the module that sends the build's .br files, serves
# dist/ in the end-to-end tests and the benchmark as deploy/nginx.conf says, and logrotate
# and openssl test its deployment; Java runs the Nu Html Checker (npm vnu-jar).
missing=()
for package in chromium chromium-driver nginx libnginx-mod-http-brotli-static logrotate openssl; do
  dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
done
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # Debian's package starts nginx's default site on port 80 of every interface, and at each
  # boot; the tests run their own nginx on 127.0.0.1, so stop that one for good.
  if [[ " ${missing[*]} " == *" nginx "* ]]; then
    if [ -d /run/systemd/system ]; then
      as_root systemctl disable --now nginx
    else
      as_root service nginx stop >/dev/null
      as_root update-rc.d nginx disable >/dev/null
    fi
  fi
fi
