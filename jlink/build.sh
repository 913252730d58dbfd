#!/usr/bin/env bash
# Builds the desktop install of CSR Lab from target/csr-lab.jar + target/lib (mvn package):
#   <target>/installer/runtime/                        jlinked JDK + JavaFX modules (+ JavaFX .so)
#   <target>/installer/csr-lab/                        jpackage app-image (bin/csr-lab launcher)
#   <target>/installer/csr-lab-<v>-linux-<arch>.tar.gz the app-image for any Linux
#   <target>/installer/csr-lab_<v>_<debarch>.deb       Debian/Ubuntu package (unless --deb skip)
# Called by `mvn -Pinstaller package` (pom.xml profile `installer`); runnable by hand after
# `mvn package`. Why this route: DJL is not modular, so javafx:jlink refuses the app; instead
# only JDK + JavaFX become a runtime image and the app stays on the class path (STACK.md).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: jlink/build.sh [--version V] [--deb build|skip] [--target DIR] [--jdk DIR]
                      [--maintainer EMAIL]
  --version     application version (default: from pom.xml)
  --deb         build the .deb too (default build; skip = app-image and .tar.gz only)
  --target      Maven build directory holding csr-lab.jar and lib/ (default: ./target)
  --jdk         JDK 17+ whose jlink/jpackage/jdeps to use (default: $JAVA_HOME, else PATH)
  --maintainer  e-mail of the Debian Maintainer field ("CSR Lab <EMAIL>")
Env: JAVAFX_CLASSIFIER (default linux) picks the JavaFX platform jars in lib/.
EOF
}

die() { echo "error: $*" >&2; exit 1; }
step() { echo "[installer] $*"; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JLINK_DIR="$ROOT/jlink"
VERSION="" DEB="build" TARGET="$ROOT/target" JDK="${JAVA_HOME:-}"
MAINTAINER="csr-lab@localhost"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --version) VERSION="$2"; shift 2 ;;
    --deb) DEB="$2"; shift 2 ;;
    --target) TARGET="$2"; shift 2 ;;
    --jdk) JDK="$2"; shift 2 ;;
    --maintainer) MAINTAINER="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
[[ "$DEB" == build || "$DEB" == skip ]] || die "--deb must be 'build' or 'skip', not '$DEB'"

# --- tools ---------------------------------------------------------------------------------
tool() { # $1 = jlink|jpackage|jdeps|jar: prefer the given JDK, else PATH
  if [[ -n "$JDK" && -x "$JDK/bin/$1" ]]; then echo "$JDK/bin/$1"; return; fi
  command -v "$1" >/dev/null 2>&1 && { command -v "$1"; return; }
  die "'$1' not found (in ${JDK:-<no JDK given>}/bin or on PATH): install a full JDK 17+" \
    "(Debian: apt-get install -y openjdk-17-jdk) or pass --jdk DIR"
}
JLINK="$(tool jlink)" JPACKAGE="$(tool jpackage)" JDEPS="$(tool jdeps)" JAR="$(tool jar)"

if [[ -z "$VERSION" ]]; then
  # First <version> after the artifactId: the project's own version.
  VERSION="$(sed -n \
    '/<artifactId>csr-lab<\/artifactId>/,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' \
    "$ROOT/pom.xml" | head -n1)"
fi
[[ -n "$VERSION" ]] || die "could not read the version from pom.xml; pass --version"
# jpackage accepts only 1-3 dot-separated numbers: 0.2.0-SNAPSHOT is packaged as 0.2.0.
APP_VERSION="${VERSION%%-*}"
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] \
  || die "version '$VERSION' is not 1-3 numbers (e.g. 0.1.0): jpackage would refuse it"

case "$(uname -m)" in
  x86_64|amd64) ARCH=x64 DEB_ARCH=amd64 ;;
  aarch64|arm64) ARCH=aarch64 DEB_ARCH=arm64 ;;
  *) ARCH="$(uname -m)" DEB_ARCH="$(uname -m)" ;;
esac
FX_CLASSIFIER="${JAVAFX_CLASSIFIER:-linux}"

APP_JAR="$TARGET/csr-lab.jar"
LIB="$TARGET/lib"
[[ -f "$APP_JAR" && -d "$LIB" ]] \
  || die "$APP_JAR or $LIB missing: run 'mvn -B package -DskipTests' first" \
    "(or 'mvn -B -Pinstaller package -DskipTests', which runs this script)"

OUT="$TARGET/installer"
INPUT="$OUT/input" FXMODS="$OUT/fxmods" RUNTIME="$OUT/runtime" IMAGE="$OUT/csr-lab"
rm -rf "$OUT"
mkdir -p "$INPUT/lib" "$FXMODS"
T0=$SECONDS

# --- split dependencies: JavaFX -> module path of jlink, everything else -> app input ---------
# JavaFX must come from the runtime's modules only: a second copy on the class path would be
# loaded as unnamed-module classes next to the named ones and break the toolkit.
cp "$APP_JAR" "$INPUT/"
fx_count=0
for jar in "$LIB"/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" == javafx-* ]]; then
    # Only the platform jars hold classes; javafx-base-21.0.11.jar etc. are empty stubs.
    if [[ "$name" == *"-$FX_CLASSIFIER.jar" ]]; then
      cp "$jar" "$FXMODS/"; fx_count=$((fx_count + 1))
    fi
  else
    cp "$jar" "$INPUT/lib/"
  fi
done
[[ $fx_count -gt 0 ]] || die "no javafx-*-$FX_CLASSIFIER.jar in $LIB (set JAVAFX_CLASSIFIER?)"
step "app input: $(ls "$INPUT/lib" | wc -l) jars; JavaFX modules: $fx_count jars"

# --- JDK modules the app needs --------------------------------------------------------------
FALLBACK_MODULES="java.base,java.desktop,java.logging,java.net.http,java.sql,java.xml"
if deps="$("$JDEPS" --print-module-deps --ignore-missing-deps --multi-release 17 \
    --module-path "$FXMODS" --class-path "$INPUT/lib/*" "$INPUT/csr-lab.jar" 2>"$OUT/jdeps.err")" \
    && [[ -n "$deps" ]]; then
  step "jdeps: $deps"
else
  step "jdeps failed (see $OUT/jdeps.err); using the known list $FALLBACK_MODULES"
  deps="$FALLBACK_MODULES"
fi
# Always: EC crypto for HTTPS downloads (MNIST mirrors; TLS finds it by service lookup, which
# jdeps cannot see), Unsafe for DJL/JNA/protobuf, java.net.http and jdk.zipfs (small; loaded by
# service lookup or reflection where used, so jdeps misses them), and the two JavaFX modules of
# the window (javafx.base/graphics follow). jdk.httpserver is test-only: left out.
ALWAYS="jdk.crypto.ec,jdk.unsupported,java.net.http,jdk.zipfs,javafx.controls,javafx.swing"
modules="$(echo "$deps,$ALWAYS" \
  | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)"
step "jlink modules: $modules"

"$JLINK" --module-path "$FXMODS" --add-modules "$modules" --output "$RUNTIME" \
  --strip-debug --no-header-files --no-man-pages --compress=2

# JavaFX's native libraries live in the platform jars; jlink copies classes only. Put them in
# runtime/lib so JavaFX loads them from there instead of unpacking into ~/.openjfx/cache.
case "$FX_CLASSIFIER" in
  win*) native_glob='*.dll'; native_dir="$RUNTIME/bin" ;;
  mac*) native_glob='*.dylib'; native_dir="$RUNTIME/lib" ;;
  *) native_glob='*.so'; native_dir="$RUNTIME/lib" ;;
esac
unpack="$OUT/fx-natives"
for jar in "$FXMODS"/*.jar; do
  rm -rf "$unpack"; mkdir -p "$unpack"
  (cd "$unpack" && "$JAR" xf "$jar")
  find "$unpack" -maxdepth 1 -name "$native_glob" -exec cp {} "$native_dir/" \;
done
rm -rf "$unpack"
compgen -G "$native_dir/*glass.*" >/dev/null \
  || die "no JavaFX glass native library was copied into $native_dir"
step "runtime: $(du -sh "$RUNTIME" | cut -f1)"

# --- app-image --------------------------------------------------------------------------------
# One line, under 80 characters: it is the Debian synopsis and the menu entry's comment.
DESCRIPTION="Widen neural networks mid-training: CSR vs Net2Net vs scratch on MNIST"
COMMON=(--name csr-lab --app-version "$APP_VERSION" --vendor "CSR Lab"
  --copyright "CSR Lab contributors, Apache-2.0" --description "$DESCRIPTION" --dest "$OUT")
"$JPACKAGE" --type app-image "${COMMON[@]}" \
  --runtime-image "$RUNTIME" --input "$INPUT" \
  --main-jar csr-lab.jar --main-class dev.csrlab.cli.Main \
  --icon "$ROOT/assets/icon.png" @"$JLINK_DIR/java-options.args"
[[ -x "$IMAGE/bin/csr-lab" ]] || die "jpackage produced no launcher at $IMAGE/bin/csr-lab"
step "app-image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"

TARBALL="$OUT/csr-lab-$VERSION-linux-$ARCH.tar.gz"
tar -C "$OUT" --owner=0 --group=0 -czf "$TARBALL" csr-lab
step "tar.gz: $TARBALL ($(du -sh "$TARBALL" | cut -f1))"

# --- .deb -------------------------------------------------------------------------------------
if [[ "$DEB" == build ]]; then
  for t in fakeroot dpkg-deb; do
    command -v "$t" >/dev/null 2>&1 \
      || die "'$t' is needed for the .deb (apt-get install -y fakeroot dpkg)," \
        "or build without it: -Dinstaller.deb=skip / --deb skip"
  done
  t_deb=$SECONDS
  "$JPACKAGE" --type deb "${COMMON[@]}" --app-image "$IMAGE" \
    --resource-dir "$JLINK_DIR/deb" \
    --linux-package-name csr-lab --linux-deb-maintainer "$MAINTAINER" \
    --linux-menu-group Science --linux-app-category science --linux-shortcut \
    --icon "$ROOT/assets/icon.png"
  # jpackage names it csr-lab_<v>-<release>_<arch>.deb; the download name drops the release.
  built="$(ls "$OUT"/csr-lab_"$APP_VERSION"-*_"$DEB_ARCH".deb)"
  DEB_FILE="$OUT/csr-lab_${VERSION}_$DEB_ARCH.deb"
  mv "$built" "$DEB_FILE"
  step ".deb: $DEB_FILE ($(du -sh "$DEB_FILE" | cut -f1), $((SECONDS - t_deb)) s)"
fi
rm -rf "$INPUT" "$FXMODS"
step "done in $((SECONDS - T0)) s"
