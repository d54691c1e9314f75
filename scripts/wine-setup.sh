#!/usr/bin/env bash
# Makes a Wine prefix in which discern's Windows build runs, for the tests of
# the real .exe (tests/windows_exe.rs) and for trying it by hand:
#
#     scripts/wine-setup.sh
#     scripts/wine-run target/x86_64-pc-windows-gnu/release/discern.exe list
#
# The prefix lives in target/wine/prefix (never in ~/.wine: nothing outside
# the checkout is touched), and can be deleted at any time; this script makes
# it again. Running the script twice does nothing the second time.
#
# Debian bookworm's Wine 8 has no bcryptprimitives.dll, whose ProcessPrng
# Rust's standard library calls for random numbers: the .exe cannot start
# without it. scripts/wine/processprng.c is a stand-in with that one
# function; it is built here with MinGW-w64 and put in the prefix's
# system32. A newer Wine has its own; ours is preferred all the same, so
# that every Wine runs the same code (scripts/wine-run says so to Wine).
#
# Exit status: 0 ready; 3 Wine or MinGW-w64 is missing (said on stderr).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD/target/wine
prefix=$root/prefix

missing=()
command -v wine >/dev/null || missing+=("wine (Debian: apt-get install wine wine64)")
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=("x86_64-w64-mingw32-gcc (Debian: apt-get install gcc-mingw-w64-x86-64)")
if ((${#missing[@]})); then
    printf 'wine-setup: missing: %s\n' "${missing[@]}" >&2
    exit 3
fi

mkdir -p "$root/locale"
dll=$root/bcryptprimitives.dll
source=scripts/wine/processprng.c
if [[ ! -f $dll || $source -nt $dll ]]; then
    # No time stamp in the file, so that two builds are the same bytes.
    x86_64-w64-mingw32-gcc -shared -O2 -s -Wl,--no-insert-timestamp \
        -o "$dll.tmp" "$source" -ladvapi32
    mv "$dll.tmp" "$dll"
fi

system32=$prefix/drive_c/windows/system32
if [[ ! -d $system32 ]]; then
    echo "wine-setup: making the Wine prefix $prefix (once; about half a minute)" >&2
    # Mono and Gecko are not wanted (and would be downloaded): turned off.
    # No display is needed: the tests run console programs only.
    WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml=" DISPLAY= \
        wine wineboot --init
    # wineboot returns before the prefix's registry is written out.
    WINEPREFIX=$prefix wineserver --wait
fi
# A French locale of the system's C library, in the checkout rather than in
# the system, for the test of the language Windows speaks: Wine takes the
# language of Windows from LANG only when the C library knows that locale
# (scripts/wine-run points LOCPATH here).
locales=$root/locale
if [[ ! -d $locales/fr_FR.UTF-8 ]]; then
    if command -v localedef >/dev/null && localedef -i fr_FR -f UTF-8 "$locales/fr_FR.UTF-8" 2>/dev/null; then
        :
    else
        echo "wine-setup: no French locale (localedef, Debian's package locales):" \
            "the test of Windows' language is skipped" >&2
    fi
fi
if ! cmp -s "$dll" "$system32/bcryptprimitives.dll"; then
    cp "$dll" "$system32/bcryptprimitives.dll"
fi
echo "wine-setup: ready ($(wine --version 2>/dev/null), prefix $prefix)" >&2
