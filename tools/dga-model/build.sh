#!/bin/sh
# Rebuilds the DGA training list and model from Debian packages (no network once they are installed):
#   apt-get install -y wamerican publicsuffix
#   tools/dga-model/build.sh
# Writes tools/dga-model/training-labels.txt and the generated data sources in edge-service/Edge.Detect/Names/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
words=/usr/share/dict/american-english
psl=/usr/share/publicsuffix/public_suffix_list.dat
export LC_ALL=C
{
  # English words: lower-case a-z only (drops proper nouns with capitals and possessives).
  grep -E '^[a-z]{2,}$' "$words"
  # Public suffix labels: real DNS labels (place names, brands, languages), ASCII ones only.
  grep -v -E '^(//|$)' "$psl" | tr -d '*!' | tr '.' '\n' | grep -E '^[a-z0-9-]{2,}$' | grep -v '^xn--'
} | sort -u > "$here/training-labels.txt"
python3 "$here/train.py" "$here/training-labels.txt" "$repo/edge-service/Edge.Detect/Names/dga-trigrams.bin"
python3 "$here/gen_sources.py" "$repo/edge-service/Edge.Detect/Names/dga-trigrams.bin" "$psl" "$repo/edge-service/Edge.Detect/Names"
rm "$repo/edge-service/Edge.Detect/Names/dga-trigrams.bin"
