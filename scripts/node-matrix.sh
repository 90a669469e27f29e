#!/usr/bin/env bash
# Runs the test suite again on newer Node versions (run by .ci/run after the Node 20 run).
# Node comes from the npm registry's `node` package into a temporary prefix; the end-to-end
# tests spawn process.execPath, so the CLI itself runs on that version too.
# Usage: scripts/node-matrix.sh [MAJOR...]   (default: 22 24)
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 24)
for major in "${versions[@]}"; do
  prefix=$(mktemp -d)
  # mktemp makes the folder 0700: a test that runs kipp as an unprivileged user (a rubric it
  # cannot read) must be able to run this node too.
  chmod 755 "$prefix"
  bin="$prefix/node_modules/.bin/node"
  # A registry hiccup must not fail CI: the Node 20 run above is the one that gates.
  if ! npm install --no-save --no-audit --no-fund --silent --prefix "$prefix" "node@$major" >/dev/null 2>&1 || ! "$bin" --version >/dev/null 2>&1; then
    echo "== skipping Node $major: could not install it from the npm registry"
    rm -rf "$prefix"
    continue
  fi
  echo "== the suite on Node $("$bin" --version)"
  "$bin" node_modules/vitest/vitest.mjs run
  rm -rf "$prefix"
done
