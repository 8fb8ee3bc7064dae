#!/usr/bin/env bash
# Runs each fuzz target for a bounded time, seeded from the test fixtures.
#   fuzz/run.sh [SECONDS_PER_TARGET] [extra libFuzzer flags...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Works on the stable
# toolchain: no sanitizer is needed for Rust code without `unsafe`, and
# RUSTC_BOOTSTRAP lets cargo-fuzz pass its coverage flags.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true

corpus=corpus
mkdir -p "$corpus/customer_answer" "$corpus/photo_prepare"
# customer_answer inputs start with a little-endian status: 200 = c8 00.
{ printf '\xc8\x00'; cat ../crates/testkit/fixtures/seed_customer_image.json; } > "$corpus/customer_answer/seed-200"
{ printf '\x94\x01'; printf '{"errors":[{"code":8015,"message":"Customer not found"}]}'; } > "$corpus/customer_answer/seed-404"
# photo_prepare inputs start with a frame-size byte.
for f in ../crates/testkit/fixtures/photos/*; do
  { printf '\x20'; cat "$f"; } > "$corpus/photo_prepare/seed-$(basename "$f")"
done
# A few more formats, tiny, when ImageMagick is there (CI installs it).
if command -v convert >/dev/null; then
  for format in gif bmp tiff png48 jpg; do
    convert -size 9x7 gradient:red-blue -orient RightTop "$format:-" \
      | { printf '\x08'; cat; } > "$corpus/photo_prepare/seed-magick-$format"
  done
fi

for target in customer_answer photo_prepare; do
  echo "== fuzzing $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "$corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 "$@"
done
