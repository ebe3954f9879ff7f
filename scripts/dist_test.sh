#!/usr/bin/env bash
# `make dist-test`: the tarball of `make dist` on a minimal Debian 12 with no
# Swift: debootstrap's minbase plus exactly the packages the tarball's README
# names, entered with chroot. There, `hienmau --version`, `init`, `check` and
# `build` must succeed, and a bad row must fail `check --format github`
# with its annotation.
#
# The Debian root is made once and kept outside the repository, in
# $DIST_TEST_CACHE (default /var/cache/hienmau-dist-test), one per package
# list; each run works on a copy of it, so runs never see each other.
#
#   scripts/dist_test.sh dist/hienmau-VERSION-linux-x86_64.tar.gz
#   scripts/dist_test.sh --can-run   # exit 0 when this machine can (root, debootstrap, chroot)
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${DIST_TEST_CACHE:-/var/cache/hienmau-dist-test}
suite=${DIST_TEST_SUITE:-bookworm}

can_run() {
    [ "$(id -u)" = 0 ] || { echo "dist-test needs root (debootstrap, chroot, mount)" >&2; return 1; }
    command -v debootstrap >/dev/null 2>&1 || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 ||
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; } ||
            { echo "debootstrap cannot be installed" >&2; return 1; }
    }
    # chroot and a proc mount must be allowed here (not in every container).
    local probe
    probe=$(mktemp -d)
    mkdir -p "$probe/proc"
    if ! mount -t proc proc "$probe/proc" 2>/dev/null; then
        rmdir "$probe/proc" "$probe"
        echo "this machine does not allow mounting /proc in a chroot" >&2
        return 1
    fi
    umount "$probe/proc"
    rmdir "$probe/proc" "$probe"
}

if [ "${1:-}" = "--can-run" ]; then can_run; exit; fi

tarball=${1:?usage: dist_test.sh TARBALL}
can_run
started=$(date +%s)

# The packages the README tells users to install, from its `apt-get install` line.
packages=$(tar -xzOf "$tarball" --wildcards '*/README.md' | sed -n 's/^ *apt-get install \(.*\)$/\1/p' | head -1)
key="$suite-minbase${packages:+-$(echo "$packages" | tr ' ' '+')}"
base="$cache/$key"
if [ ! -x "$base/bin/sh" ]; then
    echo "debootstrap $suite (minbase${packages:+ + $packages}) into $base (once)…"
    rm -rf "$base.partial"
    mkdir -p "$cache"
    debootstrap --variant=minbase ${packages:+--include=$(echo "$packages" | tr ' ' ',')} \
        "$suite" "$base.partial" >"$cache/$key.log" 2>&1 || { tail -20 "$cache/$key.log" >&2; exit 1; }
    rm -rf "$base.partial/var/cache/apt/archives/"*.deb
    mv "$base.partial" "$base"
    echo "made in $(( $(date +%s) - started )) s"
fi

work=$(mktemp -d /tmp/hienmau-dist-test.XXXXXX)
root="$work/root"
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cp -a "$base" "$root"
mkdir -p "$root/opt/hienmau"
tar -xzf "$tarball" -C "$root/opt/hienmau" --strip-components=1
mount -t proc proc "$root/proc"

# No Swift in there: no toolchain, no runtime library for the binary to find.
if chroot "$root" /bin/sh -c 'command -v swift swiftc' >/dev/null 2>&1 ||
    [ -n "$(find "$root" -xdev -name 'libswiftCore*' -print -quit)" ]; then
    echo "the Debian root has Swift in it: the test would prove nothing" >&2
    exit 1
fi

ran=$(date +%s)
chroot "$root" /usr/bin/env -i PATH=/opt/hienmau:/usr/bin:/bin HOME=/root LANG=C /bin/sh -euc '
    hienmau --version
    cd /tmp
    hienmau init site >/dev/null
    cd site
    hienmau check
    hienmau build
    test -f public/index.html && test -f public/style.css
    # A bad row: the check step fails, with its annotation.
    sed -i "2s/,350,/,3500,/" content/data/donations.csv
    if hienmau check --format github > annotations.txt; then echo "a bad row passed check" >&2; exit 1; fi
    grep -q "^::error file=content/data/donations.csv,line=2," annotations.txt
    echo "bad row: $(cat annotations.txt)"
'
echo "dist-test passed on $suite minbase${packages:+ + $packages}, no Swift: commands $(( $(date +%s) - ran )) s, $(( $(date +%s) - started )) s in all"
