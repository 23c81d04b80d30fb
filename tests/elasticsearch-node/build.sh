#!/usr/bin/env bash
# Resolves the Elasticsearch node's jars from Maven Central and compiles the launcher.
# Idempotent: does nothing when target/ is newer than the pom and the launcher source.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DIR"
STAMP="target/classpath.txt"
if [[ -f "$STAMP" && -f target/classes/pulse/esnode/TestNode.class \
      && "$STAMP" -nt pom.xml && "$STAMP" -nt src/main/java/pulse/esnode/TestNode.java ]]; then
  exit 0
fi
mkdir -p target
if ! mvn -q -B -DskipTests compile dependency:build-classpath >target/build.log 2>&1; then
  echo "elasticsearch-node: maven build failed; last lines of $DIR/target/build.log:" >&2
  grep -E 'ERROR|BUILD' target/build.log | head -20 >&2 || tail -20 target/build.log >&2
  exit 1
fi
touch "$STAMP"
