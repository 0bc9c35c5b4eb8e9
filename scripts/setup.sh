# Sourced by scripts/serve, scripts/test and scripts/build: installs what is missing, and only
# that, so a second run costs a few seconds. Every step can be re-run safely.
#
# The wasm32 standard library is built from source ("build-std") on every route: the app is
# split into modules loaded on first use (scripts/split-wasm.mjs), which needs every part,
# std included, built without reference types. Its sources come from rustup's rust-src where
# rustup's server answers; otherwise from Debian's rustc-web.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
RUSTUP_TIMEOUT="${RUSTUP_TIMEOUT:-60}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "needs root to run: $*"; return 1
  fi
}

APT_UPDATED=""
apt_install() {
  say "installing Debian packages: $*"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Debian's rustc-web: a rustc that knows wasm32, with std's sources to build it from.
debian_wasm_ready() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] \
    && [ -d /usr/lib/rustlib/src/rust/library ] \
    && /usr/bin/rustc --print target-list 2>/dev/null | grep -qx wasm32-unknown-unknown \
    && dpkg -s rustc-web >/dev/null 2>&1
}

WASM_ROUTE=""
rustup_src_ready() {
  rustup component list --installed 2>/dev/null | grep -qx rust-src
}

ensure_wasm_std() {
  if rustup_src_ready; then WASM_ROUTE=rustup; return; fi
  if debian_wasm_ready; then WASM_ROUTE=debian; return; fi
  say "adding std's sources with rustup (at most ${RUSTUP_TIMEOUT}s)"
  if timeout "$RUSTUP_TIMEOUT" rustup component add rust-src && rustup_src_ready; then
    WASM_ROUTE=rustup; return
  fi
  say "rustup could not fetch them: using Debian's rustc-web"
  apt_install rustc-web cargo-web rust-web-src lld-22
  debian_wasm_ready || { say "Debian's rustc-web did not install"; return 1; }
  WASM_ROUTE=debian
}

# Runs a command that compiles for wasm32 with the route chosen above.
wasm_env() {
  if [ "$WASM_ROUTE" = debian ]; then
    env PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  else
    env RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  say "installing Trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$" \
    && command -v wasm-bindgen-test-runner >/dev/null; then
    return
  fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file pins a crate release some registry mirrors no longer serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
}

# wasm-opt (npm binaryen) and the end-to-end test packages, pinned by package-lock.json.
ensure_node_modules() {
  local stamp="node_modules/.installed-from-lock"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  apt_install chromium chromium-driver
}

# The other engines of tests/e2e/engines.test.mjs: Safari's (WebKitGTK's driver and browser,
# on a virtual display) and Firefox ESR, with Mozilla's geckodriver (not packaged by Debian).
ensure_other_browsers() {
  if ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null || ! command -v firefox-esr >/dev/null; then
    apt_install webkit2gtk-driver xvfb firefox-esr
  fi
  if geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION\b"; then return; fi
  say "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
}

# A real nginx serves the build in one end-to-end test, with the shipped deploy/nginx.conf.
ensure_nginx() {
  if [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null; then return; fi
  apt_install nginx
}

ensure_rust_components() {
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then return; fi
  say "adding rustfmt and clippy with rustup"
  timeout "$RUSTUP_TIMEOUT" rustup component add rustfmt clippy
}

# The build step that splits the wasm at its #[lazy] pages (tools/wasm-split, a native
# program run by scripts/split-wasm.mjs). Cargo makes a second run a no-op.
ensure_split_tool() {
  cargo build --quiet --release --manifest-path "$ROOT/tools/wasm-split/Cargo.toml" \
    --target-dir "$ROOT/target/tools"
}

ensure_build_tools() {
  ensure_wasm_std
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_modules
  ensure_split_tool
}

# Release builds only: a panic aborts on the spot, without std's formatting machinery or the
# source locations (about 4 % of the wasm). Release builds install no panic hook anyway
# (src/main.rs); tests and debug builds keep their messages. Cargo adds these to
# .cargo/config.toml's flags.
RELEASE_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
release_env() {
  wasm_env env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RELEASE_RUSTFLAGS" "$@"
}

# Cargo first, online: build-std fetches std's own dependencies on its first run, which
# Trunk's --offline (there so that Trunk never downloads a tool) would forbid. Trunk's own
# cargo call is then a no-op.
cargo_build_wasm() {
  release_env cargo build --release --target wasm32-unknown-unknown --bin data-roadmap --features split
}

build_release() {
  say "building the release app into dist/"
  cargo_build_wasm
  release_env trunk build --release --offline
}
