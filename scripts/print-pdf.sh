#!/bin/sh
# Prints the meeting summary of each example trail, and the handout and the
# worksheet of each shipped grid, to PDF with headless Chromium, so a person
# can look at what comes out of a printer. (`cargo test` checks the page
# counts itself: tests/print_summary.rs, tests/cli_worksheet.rs.)
#
# Needs Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM to
# a Chrome/Chromium binary. Usage: scripts/print-pdf.sh [OUT_DIR]
# (default: target/pdf). Prints, for each PDF, its pages and the lines of the
# same summary in Markdown.
set -eu
cd "$(dirname "$0")/.."
out=${1:-target/pdf}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ]; then
    echo "Chromium not found: install it (apt-get install chromium) or set CHROMIUM=/path/to/chrome" >&2
    exit 2
fi
cargo build --quiet
bin=target/debug/discern
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$data/sessions"
cp sessions/*.toml "$data/sessions/"

pdf() { # html file → pdf file; prints its page count
    profile=$(mktemp -d)
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-pdf-header-footer --user-data-dir="$profile" \
        --print-to-pdf="$2" "file://$(realpath "$1")" >/dev/null 2>&1
    rm -rf "$profile"
    if command -v pdfinfo >/dev/null; then
        pdfinfo "$2" | awk '/^Pages:/ { print $2 }'
    else
        grep -a -o -E '/Type ?/Page([^s]|$)' "$2" | wc -l
    fi
}

# A summary speaks its trail's grid's language, whatever --lang says.
for trail in "$data"/sessions/*.toml; do
    id=$(basename "$trail" .toml | sed 's/.*-//')
    grid=$(sed -n 's/^id = "\(.*\)"/\1/p' "$trail" | sed -n 2p)
    name="summary-$grid-$id"
    "$bin" --data-dir "$data" export "$id" --format html --yes >"$out/$name.html"
    lines=$("$bin" --data-dir "$data" export "$id" --format md --yes | wc -l)
    pages=$(pdf "$out/$name.html" "$out/$name.pdf")
    echo "$name.pdf: $pages page(s), $lines lines of Markdown"
done

for grid in grids/*.toml; do
    base=$(basename "$grid" .toml)
    "$bin" --data-dir "$data" grid show "$grid" --format html >"$out/handout-$base.html"
    echo "handout-$base.pdf: $(pdf "$out/handout-$base.html" "$out/handout-$base.pdf") page(s)"
    "$bin" --data-dir "$data" grid show "$grid" --worksheet --format html >"$out/worksheet-$base.html"
    echo "worksheet-$base.pdf: $(pdf "$out/worksheet-$base.html" "$out/worksheet-$base.pdf") page(s)"
done
echo "PDFs in $out"
