#!/usr/bin/env bash
# Fetches ihc.png (an immunohistochemistry micrograph: haematoxylin and DAB) from Debian's
# python3-skimage package into .cache/ihc.png, for the demo slide seeded from a real image.
# The file is not committed: it comes from the package archive on each machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.cache/ihc.png
[ -s "$target" ] && exit 0
mkdir -p .cache/skimage
found=$(dpkg -L python3-skimage 2>/dev/null | grep '/ihc.png$' | head -n 1 || true)
if [ -z "$found" ]; then
  (cd .cache/skimage && apt-get download python3-skimage 2>&1 | grep -v "^W: Download is performed unsandboxed" >&2 || true)
  dpkg-deb -x .cache/skimage/python3-skimage_*.deb .cache/skimage/x
  found=$(find .cache/skimage/x -name ihc.png | head -n 1)
fi
[ -n "$found" ] || { echo "fetch-ihc: ihc.png not found in python3-skimage" >&2; exit 1; }
cp "$found" "$target"
rm -rf .cache/skimage
echo "fetch-ihc: $target"
