#!/bin/sh
# Regenerates the golden barcodes in golden/ with Debian's ripser (apt-get install ripser).
# The clouds come from GoldenClouds (deterministic, StrictMath), so only ripser's output is stored.
# The point-cloud/ goldens are ripser's output on the committed input files beside them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
command -v ripser >/dev/null || { echo "ripser not found: install it with: apt-get install ripser" >&2; exit 1; }
cd "$root"
mvn -B -q -pl common test-compile
java -cp common/target/test-classes:common/target/classes org.adabet.tda.GoldenRegenerator "$here/golden"
for f in "$here"/point-cloud/*.in; do
  k=$(basename "$f" .in | sed 's/.*-k\([0-9]\)$/\1/')
  out="${f%.in}.ripser"
  {
    echo "# Made by Debian's ripser $(dpkg-query -W -f='${Version}' ripser): ripser --format point-cloud --dim $k $(basename "$f")"
    echo "# Our 'adabet ph' output on the same file must equal the lines below byte for byte."
    ripser --format point-cloud --dim "$k" "$f"
  } > "$out"
done
