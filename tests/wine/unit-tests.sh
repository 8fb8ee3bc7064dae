#!/usr/bin/env bash
# The library's unit tests built for Windows and run under Wine, in a fresh
# prefix with the stand-in bcryptprimitives.dll (see tests/windows_wine.rs).
# No window: the `window` feature is off, as the whole-app tests need wgpu.
# Extra arguments go to `cargo test` (e.g. a test name filter).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
prefix="$(mktemp -d)"
export WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true; rm -rf "$prefix"' EXIT
unset DISPLAY
/usr/lib/wine/wine64 wineboot --init
/usr/lib/wine/wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 \
  -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
  tests/wine/bcryptprimitives.c -ladvapi32
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=/usr/lib/wine/wine64 \
  cargo test --target x86_64-pc-windows-gnu --target-dir target/windows \
  --no-default-features --features customer-lookup/testing --lib \
  --package customer-lookup --package capillary --package photo --package i18n --package demo "$@"
echo "Windows unit tests under Wine: $((SECONDS - started)) s"
