#!/usr/bin/env bash
# readme_settings.sh: writes the table of settings (`nnplay settings --markdown`, from
# engine/settings.cpp and engine/help.txt) into README.md between its "settings-table" markers.
# Run it after changing a setting or its help text; tests/cli_test.sh fails until you do.
# Usage: scripts/readme_settings.sh [path/to/nnplay]   (default build/native-release/nnplay)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bin=${1:-build/native-release/nnplay}
table=$(mktemp)
trap 'rm -f "$table"' EXIT
"$bin" settings --markdown >"$table"
# Everything outside the markers is kept; between them, the table as printed.
awk -v table="$table" '
    /^<!-- settings-table: begin/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /^<!-- settings-table: end/ { skip = 0 }
    !skip { print }
' README.md >README.md.new
mv README.md.new README.md
