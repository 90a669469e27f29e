#!/usr/bin/env bash
# Packaging check (run by .ci/run): the tarball `npm pack` makes must install into an empty
# folder and work there — `kipp --help`, and `kipp score` on the shipped example with the
# embedded rubric, and its export to XLSX. Catches a `files` list that forgets dist/, rubrics/ or
# schemas/, and a dependency file the bundle loads by path that is not where npm installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
mkdir "$tmp/app"
cd "$tmp/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$tmp/$tarball"
npx --no-install kipp --help >/dev/null
ex=node_modules/kipp/fixtures/example
npx --no-install kipp score "$ex/entries.csv" --scores "$ex/scores-wide.csv" "$ex/scores-long.csv" \
  --judges "$ex/judges.csv" --format json > report.json
node -e 'const r = JSON.parse(require("fs").readFileSync("report.json", "utf8")); if (!(r.entries.length > 0 && r.entries[0].rank === 1)) { console.error("pack check: unexpected report"); process.exit(1); }'
# An XLSX export: exceljs's parts are loaded by their files (src/io/exceljs.ts), from where npm put them.
npx --no-install kipp export "$ex/entries.csv" --scores "$ex/scores-long.csv" --judges "$ex/judges.csv" \
  --output shortlist.xlsx >/dev/null 2>&1 || true
node -e 'const b = require("fs").readFileSync("shortlist.xlsx"); if (b.length < 1000 || b.readUInt32LE(0) !== 0x04034b50) { console.error("pack check: no XLSX written"); process.exit(1); }'
echo "pack check: $tarball installs, scores the shipped example and exports it to XLSX"
