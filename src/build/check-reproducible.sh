#!/usr/bin/env bash
# Reproducible builds (issue 15, item 8): builds connector-lib and the resource adapter twice from a clean tree and
# compares the SHA-256 of connector-lib's jar, its single jar (-all) and alloydb-connector.rar. Exits 1 if any
# differs. Every archive entry carries project.build.outputTimestamp (root pom) instead of the build's time.
#
#   src/build/check-reproducible.sh          (from anywhere in the checkout; about 2 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
artifacts=(
  "connector-lib/target/connector-lib-${version}.jar"
  "connector-lib/target/connector-lib-${version}-all.jar"
  "connector-rar/target/alloydb-connector.rar"
)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for run in 1 2; do
  echo "Build $run: ./mvnw -B -q -pl connector-rar -am clean package -Dmaven.test.skip=true"
  ./mvnw -B -q -pl connector-rar -am clean package -Dmaven.test.skip=true
  sha256sum "${artifacts[@]}" > "$out/run$run.sha256"
  # A second build within the same second must not pass by accident of equal file times.
  sleep 2
done

cat "$out/run1.sha256"
if diff -u "$out/run1.sha256" "$out/run2.sha256"; then
  echo "Reproducible: both builds gave identical bytes."
else
  echo "NOT reproducible: the hashes above differ between the two builds." >&2
  exit 1
fi
