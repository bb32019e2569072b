#!/usr/bin/env bash
# Renders a self-contained HTML report to a PNG with headless Chromium.
#   scripts/render-png.sh IN.html OUT.png [WIDTH HEIGHT]   (default 1200 x 2400)
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
    echo "usage: $0 IN.html OUT.png [WIDTH HEIGHT]" >&2
    exit 64
fi
input=$1 output=$2 width=${3:-1200} height=${4:-2400}

if [ ! -f "$input" ]; then
    echo "render-png: no such file: $input" >&2
    exit 66
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "render-png: Chromium not found; install it with: apt-get install -y chromium" >&2
    exit 69
fi

input_path=$(cd "$(dirname "$input")" && pwd)/$(basename "$input")
mkdir -p "$(dirname "$output")"
output_path=$(cd "$(dirname "$output")" && pwd)/$(basename "$output")

# --no-sandbox: Chromium refuses to run as root otherwise; the page is local and has no scripts.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$output_path" --window-size="$width,$height" "file://$input_path" >/dev/null 2>&1

if [ ! -s "$output_path" ]; then
    echo "render-png: $browser wrote no image to $output_path" >&2
    exit 70
fi
echo "$output_path"
