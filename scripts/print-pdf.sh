#!/bin/sh
# Prints the meeting summary of each example trail, and the handout of each
# shipped grid, to PDF with headless Chromium, so a person can look at what
# comes out of a printer. Not part of CI.
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
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$2" "file://$(realpath "$1")" >/dev/null 2>&1
    if command -v pdfinfo >/dev/null; then
        pdfinfo "$2" | awk '/^Pages:/ { print $2 }'
    else
        grep -a -o -E '/Type ?/Page([^s]|$)' "$2" | wc -l
    fi
}

for lang in fr en; do
    for trail in "$data"/sessions/*.toml; do
        id=$(basename "$trail" .toml | sed 's/.*-//')
        grid=$(sed -n 's/^id = "\(.*\)"/\1/p' "$trail" | sed -n 2p)
        name="summary-$grid-$id-$lang"
        "$bin" --data-dir "$data" --lang "$lang" export "$id" --format html --yes >"$out/$name.html"
        lines=$("$bin" --data-dir "$data" --lang "$lang" export "$id" --format md --yes | wc -l)
        pages=$(pdf "$out/$name.html" "$out/$name.pdf")
        echo "$name.pdf: $pages page(s), $lines lines of Markdown"
    done
done

for grid in grids/*.toml; do
    name="handout-$(basename "$grid" .toml)"
    if "$bin" --data-dir "$data" grid show "$grid" --format html >"$out/$name.html" 2>/dev/null; then
        echo "$name.pdf: $(pdf "$out/$name.html" "$out/$name.pdf") page(s)"
    else
        rm -f "$out/$name.html"
        echo "$name: this build has no 'grid show --format html' yet"
    fi
done
echo "PDFs in $out"
