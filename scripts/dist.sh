#!/usr/bin/env bash
# The release builds of discern, in target/dist/:
#
#   discern-VERSION-x86_64-linux.tar.gz    fully static (musl): any x86_64 Linux
#   discern-VERSION-x86_64-windows.zip     discern.exe (MinGW-w64), Windows 10 and later
#   discern-VERSION-macos.tar.gz           only when run on a Mac (see below)
#
# each with its SHA-256 sum beside it (ARCHIVE.sha256) and in SHA256SUMS.
# An archive holds one folder, discern-VERSION-SYSTEM/, with the program,
# README.md, LICENSE.txt (discern's licence) and THIRD-PARTY-LICENSES.txt
# (the licences of every crate compiled into that program, made by
# cargo-about from the crates' own files: never kept by hand).
#
#     scripts/dist.sh                  every build this machine can make
#     scripts/dist.sh linux windows    only those
#
# VERSION is Cargo.toml's. What it needs: the Rust targets (added with
# rustup), cargo-about (installed with cargo install --locked, the version
# below, into target/dist-tools), and from the system, said when missing
# (Debian's names): gcc-mingw-w64-x86-64 and zip. A build that cannot be made
# is said, the others are made, and the exit status is 1.
#
# macOS: Apple's linker and SDK exist only on a Mac, so the macOS build is
# made there (with Rust from rustup and Xcode's command-line tools): both
# aarch64-apple-darwin and x86_64-apple-darwin, joined with lipo into one
# program for every Mac. Elsewhere it is skipped with a note. It is not
# signed or notarised (that needs an Apple developer account): see the
# README, "Install".
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_ABOUT_VERSION=0.9.3
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=$PWD/target/dist
tools=$PWD/target/dist-tools
mkdir -p "$dist"

say() { printf 'dist: %s\n' "$*" >&2; }
left_out=()

# The commit's time stamps every file of the archives, so that two runs on
# one commit give the same archives (the programs themselves aside).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

have_target() {
    rustup target list --installed 2>/dev/null | grep -qx "$1" || rustup target add "$1" >&2
}

cargo_about() {
    local about=$tools/bin/cargo-about
    if ! "$about" --version 2>/dev/null | grep -q " $CARGO_ABOUT_VERSION\$"; then
        say "installing cargo-about $CARGO_ABOUT_VERSION into $tools (once; a few minutes)"
        cargo install --locked --root "$tools" cargo-about --version "$CARGO_ABOUT_VERSION" --features cli >&2
    fi
    "$about" "$@"
}

# stage SYSTEM PROGRAM TARGET...: a fresh folder for the archive, with the
# program, the README, the licence and the licences of the crates bundled
# for those targets. Prints the folder.
stage() {
    local system=$1 program=$2
    shift 2
    local name=discern-$version-$system
    local folder=$dist/stage/$name
    rm -rf "$folder"
    mkdir -p "$folder"
    cp "$program" "$folder/"
    cp README.md "$folder/README.md"
    cp LICENSE "$folder/LICENSE.txt"
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    cargo_about generate --locked --fail -c scripts/dist/about.toml "${targets[@]}" \
        -o "$folder/THIRD-PARTY-LICENSES.txt" scripts/dist/licences.hbs >&2
    chmod -R u=rwX,go=rX "$folder"
    echo "$folder"
}

tar_gz() {
    local folder=$1 archive=$2
    tar -C "$(dirname "$folder")" --sort=name --owner=0 --group=0 --numeric-owner \
        --mtime="@$SOURCE_DATE_EPOCH" -cf - "$(basename "$folder")" | gzip -9n >"$archive.tmp"
    mv "$archive.tmp" "$archive"
}

zip_up() {
    local folder=$1 archive=$2
    find "$folder" -exec touch -d "@$SOURCE_DATE_EPOCH" {} +
    rm -f "$archive.tmp"
    (cd "$(dirname "$folder")" && find "$(basename "$folder")" -type f | LC_ALL=C sort |
        zip -X -9 -q "$archive.tmp" -@)
    mv "$archive.tmp" "$archive"
}

sum() {
    local archive=$1
    (cd "$dist" && sha256sum "$(basename "$archive")" >"$(basename "$archive").sha256")
    say "made $archive"
}

build_linux() {
    local target=x86_64-unknown-linux-musl
    # Rust's musl target brings its own C library; musl-gcc would only be
    # needed by a crate with C code to compile (none today).
    if command -v musl-gcc >/dev/null; then
        export CC_x86_64_unknown_linux_musl=musl-gcc
    fi
    have_target "$target" || { say "Rust target $target cannot be added"; return 1; }
    cargo build --release --locked --target "$target" >&2
    local program=target/$target/release/discern
    # Fully static: it must start where no C library is found at all.
    if ! file "$program" | grep -q 'static'; then
        say "$program is not statically linked: $(file -b "$program")"
        return 1
    fi
    local folder
    folder=$(stage x86_64-linux "$program" "$target")
    local archive=$dist/discern-$version-x86_64-linux.tar.gz
    tar_gz "$folder" "$archive"
    sum "$archive"
}

build_windows() {
    local target=x86_64-pc-windows-gnu
    if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
        say "no MinGW-w64 (Debian: apt-get install gcc-mingw-w64-x86-64): the Windows build is left out"
        return 1
    fi
    command -v zip >/dev/null || { say "no zip (Debian: apt-get install zip): the Windows build is left out"; return 1; }
    have_target "$target" || { say "Rust target $target cannot be added"; return 1; }
    cargo build --release --locked --target "$target" >&2
    local folder
    folder=$(stage x86_64-windows "target/$target/release/discern.exe" "$target")
    local archive=$dist/discern-$version-x86_64-windows.zip
    zip_up "$folder" "$archive"
    sum "$archive"
}

build_macos() {
    if [[ $(uname -s) != Darwin ]]; then
        say "the macOS build needs a Mac (Apple's linker and SDK): left out here"
        return 1
    fi
    local arm=aarch64-apple-darwin intel=x86_64-apple-darwin
    if ! have_target "$arm" || ! have_target "$intel"; then
        say "the macOS Rust targets cannot be added"
        return 1
    fi
    cargo build --release --locked --target "$arm" >&2
    cargo build --release --locked --target "$intel" >&2
    mkdir -p "$dist/stage"
    lipo -create -output "$dist/stage/discern" "target/$arm/release/discern" "target/$intel/release/discern"
    local folder
    folder=$(stage macos "$dist/stage/discern" "$arm" "$intel")
    local archive=$dist/discern-$version-macos.tar.gz
    tar_gz "$folder" "$archive"
    sum "$archive"
}

systems=("$@")
if ((${#systems[@]} == 0)); then
    systems=(linux windows)
    [[ $(uname -s) == Darwin ]] && systems+=(macos)
fi
for system in "${systems[@]}"; do
    case $system in
        linux | windows | macos) "build_$system" || left_out+=("$system") ;;
        *)
            echo "usage: scripts/dist.sh [linux] [windows] [macos]" >&2
            exit 2
            ;;
    esac
done

(cd "$dist" && cat discern-"$version"-*.sha256 >SHA256SUMS 2>/dev/null || true)
rm -rf "$dist/stage"
if ((${#left_out[@]})); then
    say "LEFT OUT: ${left_out[*]} (see above)"
    exit 1
fi
say "done: $dist (version $version)"
