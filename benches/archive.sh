#!/usr/bin/env bash
# The archive bench: generated archives of clustered stories, timed as whole processes.
#   benches/archive.sh [SIZE...] [--timeout S] [--runs N] [--work DIR]   (default sizes: 1000 10000)
# Prints a growth table (markdown) on stdout; progress on stderr. See benches/archive_bench.py.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --bin juxta --example archive_gen
exec python3 benches/archive_bench.py "$@"
