#!/usr/bin/env bash
# desktop_test.sh: the desktop window (nnplay_desktop) under a virtual 1280×800 screen fits
# the screen's work area, with the output plot and the play button inside it. Skips, saying
# why (exit 77), where xvfb-run is missing. Usage: desktop_test.sh path/to/nnplay_desktop
set -euo pipefail
desktop=$1
if ! command -v xvfb-run > /dev/null; then
    echo "SKIP: xvfb-run not found (apt-get install xvfb)"
    exit 77
fi
out=$(NNPLAY_DESKTOP_CHECK=1 xvfb-run -a -s '-screen 0 1280x800x24' "$desktop" 2>&1) || {
    echo "$out"
    echo "FAIL: the desktop window does not fit a 1280×800 screen"
    exit 1
}
echo "$out"
grep -q "^fits$" <<< "$out"
