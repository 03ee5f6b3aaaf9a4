# The two commands of the README: `make serve` and `make test`. Each installs what is missing
# first (scripts/setup.sh), so both work on a fresh machine: `make serve` only what serving
# needs (no root, no apt, no npm), `make test` everything.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup setup-serve setup-build serve build test lint test-host test-browser test-e2e test-serve test-proof proof bench deploy-conf

setup:
	@scripts/setup.sh test

setup-serve:
	@scripts/setup.sh serve

setup-build:
	@scripts/setup.sh build

## Development server on http://127.0.0.1:8080, rebuilding on change.
serve: setup-serve
	trunk serve

## The release build in dist/, as deployed.
build: setup-build
	trunk build --release --offline

## deploy/nginx.conf and deploy/logrotate.conf again, after a change of what they are made
## from (src/site/). Settings for your own server: docs/deployment.md.
SITE := cargo run --locked --offline --quiet --features ssr --bin site --
deploy-conf:
	$(SITE) nginx > deploy/nginx.conf
	$(SITE) logrotate > deploy/logrotate.conf

## Every check and test; what CI runs.
test: setup lint test-host test-browser test-e2e test-serve test-proof

lint:
	cargo fmt --all -- --check
	prettier --check src/startup.js
	eslint src/
	cargo clippy --all-targets --features ssr -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown --features hydrate -- -D warnings

## Logic and rendered HTML, on the host.
test-host:
	cargo test --features ssr

## Browser code, in headless Chromium. No debug info: the test module is a fraction of the size.
test-browser:
	CARGO_PROFILE_DEV_DEBUG=0 cargo test --target wasm32-unknown-unknown --features hydrate --test browser --test browser_storage --test browser_startup --test browser_executor

## What a visitor does, against the release build served by nginx.
test-e2e: build
	playwright test

## `trunk serve` in a copy of the project: the page, then a live reload after an edit.
test-serve: setup
	playwright test --config playwright.serve.config.ts

## What visitors are shown for the policy in force, captured into proof-output/ (docs/proof.md).
proof: build
	node scripts/proof.mjs proof-output

## The same capture into test-output/proof/, and its archive checked against its manifest.
test-proof: build
	rm -rf test-output/proof
	node scripts/proof.mjs test-output/proof
	node --test scripts/proof.test.mjs

## Sizes and Lighthouse scores of the release build, against the budgets (not a test).
bench: build
	node scripts/bench.mjs
