#!/usr/bin/env bash
# The release build and the one download.
#
#   scripts/dist.sh build   # .build/release/hienmau (make build, make site)
#   scripts/dist.sh         # that, then dist/hienmau-VERSION-linux-x86_64.tar.gz (make dist)
#
# The binary runs without a Swift toolchain: Swift's standard library and
# Foundation are linked statically (--static-swift-stdlib), libcmark from its
# static archive, and the commit it is built from is compiled in (--version).
# `make build` makes the same binary, so `make dist` after it only packs.
#
# What cannot be linked statically is linked dynamically and named, with its
# Debian package, in the tarball's README:
# - libcurl: FlyingFox's proxy handler imports FoundationNetworking, whose
#   static archive calls libcurl;
# - any other shared library the binary needs besides the C library
#   (libxml2 for workbooks, say), read from the binary itself.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^ *static let number = "\(.*\)"$/\1/p' Sources/hienmau/Version.swift)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
# Changed sources make it "-dirty"; other files (the screenshots browser-test retakes) do not.
git diff --quiet HEAD -- Package.swift Sources theme starter 2>/dev/null || commit="$commit-dirty"
name="hienmau-$version-linux-x86_64"
scratch=.build
libdir=/usr/lib/$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)

# A folder that holds only the static archives: searched first, so that
# -lcmark (and -lz) find the .a and not the .so beside it in $libdir.
mkdir -p "$scratch/static-libs"
for lib in cmark z; do
    if [ -f "$libdir/lib$lib.a" ]; then ln -sf "$libdir/lib$lib.a" "$scratch/static-libs/lib$lib.a"; fi
done
[ -f "$scratch/static-libs/libcmark.a" ] || { echo "libcmark.a is missing: apt-get install libcmark-dev" >&2; exit 1; }
# SwiftPM puts libcmark.pc's -L${libdir} before any -L of ours: a copy of it
# that names the folder of archives instead comes first on PKG_CONFIG_PATH.
mkdir -p "$scratch/pkgconfig"
sed "s|^Libs: .*|Libs: -L$PWD/$scratch/static-libs -lcmark|" "$libdir/pkgconfig/libcmark.pc" > "$scratch/pkgconfig/libcmark.pc"
# The same for the workbook's libraries, whose .pc files also name ${libdir}
# (SwiftPM reads them itself and keeps system folders): zlib from its archive,
# libxml2 as a shared library (the tarball's README names its package).
zlib_libs="-lz"; [ -f "$scratch/static-libs/libz.a" ] && zlib_libs="-L$PWD/$scratch/static-libs -lz"
sed "s|^Libs: .*|Libs: $zlib_libs|" "$libdir/pkgconfig/zlib.pc" > "$scratch/pkgconfig/zlib.pc"
sed "s|^Libs: .*|Libs: -lxml2|; /^Libs.private/d" "$libdir/pkgconfig/libxml-2.0.pc" > "$scratch/pkgconfig/libxml-2.0.pc"
export PKG_CONFIG_PATH="$PWD/$scratch/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

# The commit, for --version: a header that only build_info.c reads (a -D flag
# would recompile every Swift module at each commit), removed afterwards so
# that a later build of another commit does not claim this one.
info=Sources/CBuildInfo
printf '#define HIENMAU_COMMIT "%s"\n' "$commit" > "$info/commit.h"
touch "$info/build_info.c"
trap 'rm -f "$info/commit.h"; touch "$info/build_info.c"' EXIT

started=$(date +%s)
# -lcurl: FoundationNetworking's static archive calls libcurl; Swift 6.3 links
# it by itself, earlier toolchains failed with undefined curl_* without it.
swift build -c release --product hienmau --static-swift-stdlib --scratch-path "$scratch" \
    -Xlinker -lcurl
binary="$scratch/release/hienmau"
echo "built in $(( $(date +%s) - started )) s: $("$binary" --version)"
[ "${1:-}" = build ] && exit 0

stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage"
# The symbols are for debugging the build machine's copy; the download does without them.
strip -o "$stage/hienmau" "$binary"

# The shared libraries the binary still needs, but the C library's own.
needed=$(readelf -d "$stage/hienmau" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' \
    | grep -v -E '^(libc|libm|libdl|libpthread|librt|libutil|ld-linux-x86-64)\.so' | tr '\n' ' ' | sed 's/ $//' || true)
packages=""
for lib in $needed; do
    path=$(ldconfig -p | awk -v lib="$lib" '$1 == lib && /x86-64/ && !found { print $NF; found = 1 }')
    real=$(readlink -f "$path")
    # dpkg may know the file under /lib rather than /usr/lib (merged /usr).
    package=$({ dpkg -S "$real" || dpkg -S "${real#/usr}"; } 2>/dev/null | head -1 | cut -d: -f1 || true)
    case "$lib" in libcmark*) echo "libcmark is linked dynamically: the static archive was not used" >&2; exit 1;; esac
    packages="$packages ${package:-$lib}"
done
packages=$(echo "$packages" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ' | sed 's/ $//')
glibc=$(objdump -T "$stage/hienmau" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)

{
    echo "# hienmau $version"
    echo
    echo "Static report sites for blood-donation campaigns: Markdown write-ups and"
    echo "donation records (CSV) become a Vietnamese-language website."
    echo "Built from commit $commit for Linux x86_64 (glibc $glibc or later: Debian 12, Ubuntu 22.04 and later)."
    echo
    echo "    ./hienmau --version"
    echo "    ./hienmau init my-site && cd my-site"
    echo "    ../hienmau build          # the site, in public/"
    echo "    ../hienmau serve          # preview at http://127.0.0.1:8080/"
    echo
    echo "Copy \`hienmau\` anywhere on the PATH (\`/usr/local/bin\`). Swift, Foundation,"
    echo "the templates and libcmark are inside it; no Swift toolchain is needed."
    if [ -n "$packages" ]; then
        echo "It needs these shared libraries of the system: $(echo "$needed" | sed 's/ /, /g'),"
        echo "present on most Debian and Ubuntu installations; on a minimal one (a container):"
        echo
        echo "    apt-get install $packages"
        echo
        echo "(On Ubuntu 24.04 apt picks the t64 packages, such as libcurl4t64, by itself.)"
    fi
    echo
    echo "Every command, key, column and output file: docs/reference.md in the"
    echo "repository; CI recipes that download this tarball: docs/ci.md."
    echo "LICENSES.txt holds the licences of what the binary is built from."
} > "$stage/README.md"

{
    if [ -f LICENSE ]; then echo "== hienmau"; cat LICENSE; echo; fi
    echo "== Swift standard library, Foundation and their runtime (Apache License 2.0 with Runtime Library Exception)"
    swift_root=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
    cat "$swift_root/share/swift/LICENSE.txt" 2>/dev/null || echo "https://swift.org/LICENSE.txt"
    for package in "$scratch"/checkouts/*; do
        [ -f "$package/LICENSE" ] || continue
        echo; echo "== $(basename "$package")"; cat "$package/LICENSE"
    done
    echo; echo "== cmark (libcmark, linked statically)"; cat /usr/share/doc/libcmark*/copyright
} > "$stage/LICENSES.txt"

tar -C dist -czf "dist/$name.tar.gz" --owner=0 --group=0 --numeric-owner "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
size=$(du -k "dist/$name.tar.gz" | cut -f1)
echo "dist/$name.tar.gz: $size KiB, binary $(du -k "$stage/hienmau" | cut -f1) KiB; needs:${needed:+ $needed}"
cat "dist/$name.tar.gz.sha256"
