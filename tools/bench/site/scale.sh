#!/usr/bin/env bash
# Scale benchmark: split + Hugo build time, peak memory and output size for
# synthetic archives (tools/synth) of 1, 100 and 1,000 articles, both
# languages; with --big also 10,000 (it takes several minutes and about
# 2 GB of disk). Writes tools/bench/site/scale.md, and for the largest
# archive of at most 1,000 articles also:
#   - where the bytes go (go run ./tools/bench/outsize: by form and file type);
#   - Hugo's time on one core (taskset -c 0), against the table's build;
#   - the floor: Hugo writing the same files with no logic of ours, each
#     page's template printing that page as the real build wrote it (the
#     other files copied as static files): what Hugo and the disk cost for
#     this output, whatever our templates do;
#   - Hugo's template metrics.
#
# Usage, from anywhere:  bash tools/bench/site/scale.sh [--big] [--memlimit=GB] [N ...]
# --memlimit=GB sets HUGO_MEMORYLIMIT, the memory Hugo lets its caches take
# before it evicts (by default a quarter of the machine's memory), so that
# the figures do not depend on how much memory this machine has. Go's own
# soft limit (GOMEMLIMIT, e.g. 3GiB) is passed on from the environment and
# recorded: it makes the collector keep the heap, garbage included, below it.
# The sites and builds go under TMPDIR (default /tmp); its file system type
# is recorded, as writing 20,000 files costs more on some disks than others.
# Needs: /usr/bin/time (Debian package "time"), taskset (util-linux). Run it
# on an idle machine: the load average before and after is recorded with
# the figures.
set -euo pipefail
cd "$(dirname "$0")" && cd "$(dirname "$(go env GOMOD)")"   # the repository root
out=tools/bench/site/scale.md
sizes=()
for a in "$@"; do
  case "$a" in
    --big) big=1 ;;
    --memlimit=*) export HUGO_MEMORYLIMIT=${a#--memlimit=} ;;
    *) sizes+=("$a") ;;
  esac
done
[ "${#sizes[@]}" -gt 0 ] || sizes=(1 100 1000)
[ -n "${big:-}" ] && sizes+=(10000)
[ -x /usr/bin/time ] || { echo "scale.sh: /usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
command -v taskset > /dev/null || { echo "scale.sh: taskset missing: apt-get install -y util-linux" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fstype=$(df --output=fstype "$tmp" | tail -1)
go build -o "$tmp/split" ./tools/split
go build -o "$tmp/synth" ./tools/synth
go build -o "$tmp/outsize" ./tools/bench/outsize
hugo=$(go tool -n hugo)   # the cached Hugo binary, so that time measures Hugo alone

# measure LABEL CMD...: writes "seconds maxrss_kb cpu_seconds" to $tmp/LABEL
# (CPU: user and system time, of every core)
measure() {
  local label=$1; shift
  # What earlier steps wrote is flushed first: the kernel writing it back
  # during a build made the floor's three builds take 20, 26 and 30 s.
  sync
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/$label" "$@" > "$tmp/$label.log" 2>&1 ||
    { echo "scale.sh: $label failed:"; cat "$tmp/$label.log"; exit 1; } >&2
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
rows=""
for n in "${sizes[@]}"; do
  site="$tmp/site$n"
  "$tmp/synth" -n "$n" -out "$site"
  measure "split$n" "$tmp/split" -root "$site"
  # The production flags of sitetest.BuildSite, run here directly so that
  # time measures Hugo alone; a cold cache.
  measure "hugo$n" "$hugo" --source "$site" --minify --panicOnWarning --quiet -d "$tmp/public$n" --cacheDir "$tmp/cache$n"
  read -r st sm _ < "$tmp/split$n"
  read -r ht hm hu hs < "$tmp/hugo$n"
  hc=$(awk -v u="$hu" -v s="$hs" 'BEGIN{printf "%.1f", u+s}')
  pages=$(find "$tmp/public$n" -name '*.html' | wc -l)
  files=$(find "$tmp/public$n" -type f | wc -l)
  # The sum of the files' sizes: du --apparent-size also counts folders.
  bytes=$(find "$tmp/public$n" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s}')
  total=$(awk -v a="$st" -v b="$ht" 'BEGIN{printf "%.2f", a+b}')
  per=$(awk -v t="$total" -v n="$n" 'BEGIN{printf "%.1f", 1000*t/n}')
  perkb=$(awk -v b="$bytes" -v n="$n" 'BEGIN{printf "%.0f", b/n/1024}')
  rows+="| $n | $st s | $((sm / 1024)) MB | $ht s | $hc s | $((hm / 1024)) MB | $total s | $per ms | $pages | $files | $((bytes / 1048576)) MB | $perkb KB |"$'\n'
  echo "scale: $n articles: split ${st}s, hugo ${ht}s, peak ${hm} KB, $perkb KB an article" >&2
  rm -rf "$tmp/cache$n"
  # The closer look below is at the largest archive of at most 1,000
  # articles (a second build of 10,000 would take as long again).
  if [ "$n" -le 1000 ] && [ "$n" -ge "${last:-0}" ]; then
    [ -z "${last:-}" ] || [ "$last" = "$n" ] || rm -rf "$tmp/site$last" "$tmp/public$last"
    last=$n
  else
    rm -rf "$site" "$tmp/public$n"
  fi
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

if [ -n "${last:-}" ]; then
  site="$tmp/site$last" pub="$tmp/public$last"
  # Where the bytes go.
  "$tmp/outsize" -public "$pub" > "$tmp/outsize.md"
  # Hugo on one core: how the build's time depends on the cores.
  measure onecore taskset -c 0 "$hugo" --source "$site" --minify --panicOnWarning --quiet -d "$tmp/public-onecore" --cacheDir "$tmp/cache-onecore"
  rm -rf "$tmp/public-onecore" "$tmp/cache-onecore"
  # The floor: the same site with every page template replaced by one that
  # prints the page the real build wrote (assets/prebuilt/), and every other
  # file the build wrote copied to static/. Hugo still reads the content,
  # makes the pages, minifies and writes every file; feeds and sitemaps are
  # made by Hugo's own templates.
  floor="$tmp/floor-site"
  cp -r "$site" "$floor"
  rm -rf "$floor/layouts" "$floor/static"
  mkdir -p "$floor/layouts" "$floor/assets/prebuilt" "$floor/static"
  for d in _shortcodes _markup; do [ ! -d "$site/layouts/$d" ] || cp -r "$site/layouts/$d" "$floor/layouts/"; done
  [ ! -f "$site/layouts/robots.txt" ] || cp "$site/layouts/robots.txt" "$floor/layouts/"
  printf '%s\n' '{{- $p := .RelPermalink }}{{ if strings.HasSuffix $p "/" }}{{ $p = print $p "index.html" }}{{ end -}}' \
    '{{- with resources.Get (print "prebuilt" $p) }}{{ .Content | safeHTML }}{{ else }}{{ errorf "floor: no page %s" $p }}{{ end -}}' > "$tmp/floor.html"
  for f in "$site"/layouts/*.html; do
    [ "$(basename "$f")" = baseof.html ] || cp "$tmp/floor.html" "$floor/layouts/$(basename "$f")"
  done
  (cd "$pub" && find zh en -name '*.html' -print0 | tar -cf - --null -T -) | tar -C "$floor/assets/prebuilt" -xf -
  (cd "$pub" && find . -type f ! -name '*.xml' ! -name robots.txt ! -path './zh/*.html' ! -path './en/*.html' -print0 | tar -cf - --null -T -) |
    tar -C "$floor/static" -xf -
  # Three builds: the time of writing files to disk varies from run to run.
  for i in 1 2 3; do
    rm -rf "$tmp/public-floor" "$tmp/cache-floor"
    measure "floor$i" "$hugo" --source "$floor" --minify --panicOnWarning --quiet -d "$tmp/public-floor" --cacheDir "$tmp/cache-floor"
  done
  # The floor must have written what the real build wrote.
  floordiff=$(diff -rq "$pub" "$tmp/public-floor" | grep -v '\.xml differ$' | wc -l || true)
  rm -rf "$floor" "$tmp/public-floor" "$tmp/cache-floor" "$pub"
  # Where the time goes (a second build, with metrics).
  "$hugo" --source "$site" --minify -d "$tmp/metrics-public" --cacheDir "$tmp/cache-metrics" \
    --templateMetrics --templateMetricsHints > "$tmp/metrics.log" 2>&1
fi
load2=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# Scale"
  echo
  echo "Generated by \`${TMPDIR:+TMPDIR=$TMPDIR }${GOMEMLIMIT:+GOMEMLIMIT=$GOMEMLIMIT }bash tools/bench/site/scale.sh${big:+ --big}${HUGO_MEMORYLIMIT:+ --memlimit=$HUGO_MEMORYLIMIT}\` on $(date -u +%Y-%m-%d), $(nproc) cores, $("$hugo" version | cut -d' ' -f1-2)."
  if [ -n "${HUGO_MEMORYLIMIT:-}" ]; then cachelimit="HUGO_MEMORYLIMIT=$HUGO_MEMORYLIMIT (GB)"
  else cachelimit="Hugo's default, a quarter of this machine's $(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GB"; fi
  echo "Hugo's cache limit: $cachelimit; Go's memory limit: ${GOMEMLIMIT:-none}. Sites and builds under $(dirname "$tmp"), a file system of type $fstype (TMPDIR sets where)."
  echo "Load average (1, 5, 15 min) before the runs: $load0; after: $load1; after the closer look at the largest archive: $load2. While the builds run they keep the load near the number of cores; a load before them well above 0 means other work was running or had just stopped."
  echo "Synthetic archives from \`go run ./tools/synth -n N\` (articles of varied shape, each in Chinese and English);"
  echo "times and peak resident memory from \`/usr/bin/time\`; split = \`tools/split\` (compiled), hugo = the production build"
  echo "(\`hugo --minify --panicOnWarning\`, cold cache). Output is the sum of the sizes of the files in public/ (not disk blocks, no folders)."
  echo "Goals: 1,000 articles in under 15 s in total, Hugo's peak memory under 1 GB, under 200 KB of output an article;"
  echo "10,000 articles with peak memory under 4 GB; time linear in the number of articles."
  echo
  echo "| articles | split | split peak RSS | hugo | hugo CPU | hugo peak RSS | total | total per article | HTML pages | files | output | output per article |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  printf '%s' "$rows"
  echo
  if [ -n "${last:-}" ]; then
    row() { local t m u s; read -r t m u s < "$tmp/$2"; echo "| $1 | $t s | $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.1f", u+s}') s | $((m / 1024)) MB |"; }
    echo "## Cores, and the floor ($last articles)"
    echo
    echo "Hugo's CPU is user and system time on every core. The floor is the same site with every page template replaced by"
    echo "one that prints the page as the build above wrote it, every other file copied as a static file: Hugo reading the"
    echo "content, making the pages, minifying and writing the same files, with no logic of ours."
    echo
    echo "| build | wall | CPU | peak RSS |"
    echo "|---|--:|--:|--:|"
    row "hugo, $(nproc) cores (the table's build)" "hugo$last"
    row "hugo, one core (\`taskset -c 0\`)" onecore
    for i in 1 2 3; do row "the floor, $(nproc) cores, build $i of 3" "floor$i"; done
    echo
    echo "Files of the floor's output that differ from the build's, feeds and sitemaps aside: $floordiff."
    echo
    echo "## Where the bytes go ($last articles, \`go run ./tools/bench/outsize\`)"
    echo
    cat "$tmp/outsize.md"
    echo
  fi
  if [ -n "${last:-}" ]; then
    echo "## Where the time goes ($last articles, \`hugo --templateMetrics\`, top 15 templates by cumulative time)"
    echo
    echo '```'
    grep -E '^ *cumulative|^ *duration|^ +[0-9]' "$tmp/metrics.log" | head -17
    echo '```'
  fi
  if [ -f tools/bench/site/scale-notes.md ]; then echo; cat tools/bench/site/scale-notes.md; fi
} > "$out"
cat "$out"
