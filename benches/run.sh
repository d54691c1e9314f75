#!/usr/bin/env bash
# Runs the performance benchmarks on the release build, with jrnl 4.6 beside
# discern for the comparison the budget names. Extra arguments select rows
# (list, due, check, autosave, encrypted, frame, library, memory).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v jrnl >/dev/null 2>&1 || ! jrnl --version 2>/dev/null | grep -q 'v4.6'; then
  pip install --quiet 'jrnl==4.6'
fi
cargo bench --bench perf -- "$@"
