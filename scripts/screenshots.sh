#!/usr/bin/env bash
# Screenshots of the built sample site with headless Chromium, at 1280 and 360 px wide.
# Usage: scripts/screenshots.sh [public] [docs/screenshots]
set -euo pipefail
root=${1:-public}; out=${2:-docs/screenshots}; port=${PORT:-8765}
mkdir -p "$out"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
server=$!; trap 'kill $server' EXIT; sleep 1
shot() { # name path width height
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3,$4" \
    --screenshot="$out/$1-$3.png" "http://127.0.0.1:$port/$2" 2>/dev/null
}
for w in 1280 360; do
  h=$([ "$w" = 360 ] && echo 2200 || echo 1600)
  shot home "" "$w" "$h"
  shot campaign "chien-dich/hanh-trinh-giot-mau-nghia-tinh-2023/" "$w" "$h"
  shot stats "thong-ke/" "$w" "$h"
  shot honours "vinh-danh/" "$w" "$h"
done
