#!/usr/bin/env bash
# Smoke test of the desktop install, the way a user without Java gets it:
#   1. mvn -Pinstaller package (app-image + .tar.gz; the .deb only with --deb),
#   2. unpack the .tar.gz into a temp "install folder",
#   3. run its launcher in a clean environment (no JAVA_HOME, no java on PATH, empty home):
#      `csr-lab --version`, then a tiny real-MNIST headless run, cold (DJL natives extracted
#      into the empty home) and warm; check exit codes and TensorBoard event files,
#   4. check the install folder was not written to,
#   5. with --deb: build the .deb, extract it with dpkg-deb -x and open the WINDOW from the
#      extracted launcher under Xvfb; a screenshot goes to target/installer/deb-window.png.
# Needs MNIST in ${CSR_LAB_DATA_DIR:-$HOME/.cache/csr-lab/data} (.ci/fetch-data.sh puts it there).
# Usage: .ci/installer-check.sh [--deb] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WITH_DEB=no BUILD=yes
for a in "$@"; do
  case "$a" in
    --deb) WITH_DEB=yes ;;
    --no-build) BUILD=no ;;
    *) echo "usage: $0 [--deb] [--no-build]" >&2; exit 2 ;;
  esac
done
fail() { echo "installer-check FAILED: $*" >&2; exit 1; }
DATA="${CSR_LAB_DATA_DIR:-$HOME/.cache/csr-lab/data}"
OUT="$ROOT/target/installer"

if [[ $BUILD == yes ]]; then
  deb_flag=skip; [[ $WITH_DEB == yes ]] && deb_flag=build
  echo "== build (mvn -Pinstaller package -Dinstaller.deb=$deb_flag)"
  mvn -B -q -Pinstaller package -DskipTests -Dinstaller.deb=$deb_flag
fi
TARBALL="$(ls "$OUT"/csr-lab-*-linux-*.tar.gz 2>/dev/null | head -n1)"
[[ -n "$TARBALL" && -x "$OUT/csr-lab/bin/csr-lab" ]] || fail "no app-image/.tar.gz under $OUT"
[[ -f "$DATA/mnist/train-images-idx3-ubyte" ]] || bash .ci/fetch-data.sh

TMP="$(mktemp -d "${TMPDIR:-/tmp}/csr-lab-installer-check.XXXXXX")"
XVFB_PID=""
cleanup() {
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

# A PATH like a desktop's, minus every tool that belongs to an installed JDK/JRE.
mkdir -p "$TMP/bin" "$TMP/home" "$TMP/install"
for f in /usr/bin/* /bin/*; do
  [[ "$(readlink -f "$f")" == /usr/lib/jvm/* ]] && continue
  [[ "$(basename "$f")" == java* ]] && continue
  ln -sf "$f" "$TMP/bin/" 2>/dev/null || true
done
# Java takes user.home from the password database, not $HOME: pass the empty home explicitly so
# DJL's cache (~/.djl.ai) and the lab's ~/.cache/csr-lab start empty, as on a new machine.
clean_env() {
  env -i HOME="$TMP/home" PATH="$TMP/bin" LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home" "$@"
}
if clean_env bash -c 'command -v java' >/dev/null; then
  fail "java is still on the clean PATH"
fi
echo "clean environment: no java on PATH, no JAVA_HOME"

echo "== install from $(basename "$TARBALL")"
tar -C "$TMP/install" -xzf "$TARBALL"
APP="$TMP/install/csr-lab"
LAUNCHER="$APP/bin/csr-lab"
listing() { (cd "$APP" && find . -printf '%p %s %T@ %m\n' | sort); }
listing > "$TMP/before.txt"

version="$(clean_env "$LAUNCHER" --version 2>&1)" || fail "csr-lab --version: $version"
echo "$version"
[[ "$version" == *"csr-lab "* ]] || fail "unexpected --version output"

run_tiny() { # $1 = out dir, then extra flags
  local out="$1"; shift
  clean_env "$LAUNCHER" run --quiet --protocols A,B,C --train-subset 1024 --epochs 2 \
    --expand-epoch 1 --val-subset 128 --data-dir "$DATA" --out "$out" "$@"
}
echo "== first start (cold DJL cache) + tiny run"
t0=$(date +%s%N)
run_tiny "$TMP/runs" > "$TMP/run1.log" 2>&1 \
  || { tail -n 30 "$TMP/run1.log"; fail "first run failed"; }
t1=$(date +%s%N)
sed -n '1,6p' "$TMP/run1.log" | sed 's/^/  | /'
[[ -d "$TMP/home/.djl.ai" ]] || fail "DJL natives were not extracted into the user's home"
echo "== second start (warm cache) + tiny run"
run_tiny "$TMP/runs-warm" > "$TMP/run2.log" 2>&1 \
  || { tail -n 30 "$TMP/run2.log"; fail "second run failed"; }
t2=$(date +%s%N)

echo "== two seeds in two worker processes started by the installed launcher"
run_tiny "$TMP/runs-workers" --seeds 0,1 --workers 2 > "$TMP/run3.log" 2>&1 \
  || { tail -n 30 "$TMP/run3.log"; fail "--workers 2 run failed"; }
grep -q '^\[worker 2\] ' "$TMP/run3.log" || { tail -n 30 "$TMP/run3.log"; fail "no worker 2 output"; }
completed=$(grep -c '"status" : "completed"' "$TMP"/runs-workers/*/summary.json || true)
[[ $completed -eq 6 ]] || fail "expected 6 completed runs in the merged summary.json, found $completed"
ls "$TMP"/runs-workers/*/summary.worker-* >/dev/null 2>&1 && fail "worker summaries left behind"
echo "workers: 6 runs completed, one summary.json"

events=$(find "$TMP/runs" -name 'events.out.tfevents.*' | wc -l)
[[ $events -ge 3 ]] || fail "expected event files for A, B and C, found $events"
echo "event files: $events"
CHECKER=""
for c in ../shared/tools/tfevents_check.py ../../shared/tools/tfevents_check.py; do
  [[ -f "$c" ]] && { CHECKER="$c"; break; }
done
if [[ -n "$CHECKER" ]]; then
  run_dir="$(find "$TMP/runs" -mindepth 2 -maxdepth 2 -type d -name 'continuous-seed0' | head -n1)"
  [[ -n "$run_dir" ]] || fail "no continuous-seed0 run directory"
  python3 "$CHECKER" "$run_dir" --require-tag Loss/Train \
    --require-tag Loss/Val --require-tag Accuracy/Val
fi

listing > "$TMP/after.txt"
if ! diff -u "$TMP/before.txt" "$TMP/after.txt" > "$TMP/install.diff"; then
  cat "$TMP/install.diff"; fail "the launcher wrote into the install folder"
fi
echo "install folder unchanged"

secs() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
echo "== sizes and times"
du -sh "$OUT/runtime" "$OUT/csr-lab" "$TARBALL" | sed 's/^/  /'
echo "  DJL natives extracted on first start: $(du -sh "$TMP/home/.djl.ai" | cut -f1)"
echo "  tiny run (3 variants x 16 steps): first start $(secs $((t1 - t0))) s (extracts the" \
  "natives), warm $(secs $((t2 - t1))) s: first-start cost ~$(secs $((t1 - t0 - t2 + t1))) s"

if [[ $WITH_DEB == yes ]]; then
  DEB="$(ls "$OUT"/csr-lab_*.deb 2>/dev/null | head -n1)"
  [[ -n "$DEB" ]] || fail "no .deb under $OUT (build with --deb)"
  echo "== .deb: $(du -sh "$DEB" | cut -f1)"
  dpkg-deb -I "$DEB" | grep -E '^ (Package|Version|Section|Maintainer|Description):'
  dpkg-deb -x "$DEB" "$TMP/deb"
  DEB_LAUNCHER="$TMP/deb/opt/csr-lab/bin/csr-lab"
  [[ -x "$DEB_LAUNCHER" ]] || fail "no launcher at /opt/csr-lab/bin/csr-lab in the .deb"
  grep -q '^Categories=Science;' "$TMP/deb/opt/csr-lab/lib/csr-lab-csr-lab.desktop" \
    || fail "desktop entry is not in the Science menu"
  command -v Xvfb >/dev/null || fail "Xvfb missing (apt-get install -y xvfb x11-utils imagemagick)"
  # -displayfd: Xvfb picks a free display (other sessions may hold :99) and reports it.
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3> "$TMP/display" > "$TMP/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 50); do [[ -s "$TMP/display" ]] && break; sleep 0.2; done
  [[ -s "$TMP/display" ]] || { cat "$TMP/xvfb.log"; fail "Xvfb did not start"; }
  export DISPLAY=":$(head -n1 "$TMP/display")"
  env -i HOME="$TMP/home" PATH="$TMP/bin" LANG=C.UTF-8 DISPLAY="$DISPLAY" \
    JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home" "$DEB_LAUNCHER" > "$TMP/window.log" 2>&1 &
  app_pid=$!
  found=""
  for _ in $(seq 1 60); do
    sleep 1
    kill -0 "$app_pid" 2>/dev/null || { cat "$TMP/window.log"; fail "the window process exited"; }
    found="$(xwininfo -root -tree 2>/dev/null | grep -i 'csr lab' || true)"
    [[ -n "$found" ]] && break
  done
  [[ -n "$found" ]] || { cat "$TMP/window.log"; fail "no 'CSR Lab' window within 60 s"; }
  sleep 5 # let the first layout and chart paint settle before the screenshot
  import -window root "$OUT/deb-window.png"
  echo "window: $(echo "$found" | head -n1 | sed 's/^ *//')"
  echo "screenshot: $OUT/deb-window.png"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
fi
echo "installer-check passed"
