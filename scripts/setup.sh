#!/usr/bin/env bash
# Installs what nnplay's builds need on Debian 12 (as root): only what is missing, so a
# machine that has everything costs about a second. Usage: scripts/setup.sh [native|web|npm|fuzz|test|all]
# native: compilers, CMake, Eigen, doctest, GLFW, a font and the Dear ImGui 1.86 sources in
# third_party/imgui (for the desktop window). web: Emscripten, fonts, Chromium, Node + npm
# packages, the ImGui sources. npm: Node and the npm packages only (the native tests compare
# with seedrandom). fuzz: clang-14 with libFuzzer. test: what the tests use beyond the builds
# (python3-torch: tests/pytorch_test.sh runs the exported PyTorch scripts; skipped without it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DEBIAN_FRONTEND=noninteractive
# Wait (up to 10 minutes) for another apt/dpkg run instead of failing on its lock.
APT=(apt-get -qq -o DPkg::Lock::Timeout=600)

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

wait_for_apt() {
    command -v fuser >/dev/null || return 0
    local lock waited=0
    for lock in /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock; do
        while fuser "$lock" >/dev/null 2>&1; do
            ((waited)) || say "waiting for another apt/dpkg run to finish"
            waited=1
            sleep 2
        done
    done
}

updated=0
apt_update() {
    ((updated)) && return 0
    [[ $EUID -eq 0 ]] || die "something must be installed: run as root"
    wait_for_apt
    "${APT[@]}" update >/dev/null
    updated=1
}

# missing PKG[:COMMAND]...: prints the packages that are not installed. With :COMMAND, the
# command being on PATH also counts (e.g. NodeSource's nodejs ships npm without Debian's npm).
missing() {
    local spec pkg cmd rest
    local -A status=()
    local -a pkgs=()
    for spec in "$@"; do pkgs+=("${spec%%:*}"); done
    while read -r pkg rest; do status[$pkg]=$rest; done \
        < <(dpkg-query -W -f='${Package} ${Status}\n' "${pkgs[@]}" 2>/dev/null || true)
    for spec in "$@"; do
        pkg=${spec%%:*}
        cmd=${spec#"$pkg"}; cmd=${cmd#:}
        [[ ${status[$pkg]:-} == "install ok installed" ]] && continue
        [[ -n $cmd ]] && command -v "$cmd" >/dev/null && continue
        echo "$pkg"
    done
}

# need PKG[:COMMAND]...: installs whichever are missing, one line per package.
need() {
    local -a todo
    mapfile -t todo < <(missing "$@")
    ((${#todo[@]})) || return 0
    apt_update
    say "installing ${todo[*]}"
    wait_for_apt
    "${APT[@]}" install -y --no-install-recommends "${todo[@]}" >/dev/null
}

# Dear ImGui 1.86 sources from Debian's source package (libimgui-dev ships no sources).
imgui_sources() {
    local dest=third_party/imgui
    [[ -f $dest/imgui.h ]] && return 0
    say "fetching Dear ImGui sources into $dest"
    # shellcheck disable=SC2016  # $(...) here are apt-get's format fields, not shell
    if ! apt-get indextargets --format '$(RELEASE) $(COMPONENT)' 'Target-Of: deb-src' \
            | grep -qx 'bookworm main'; then
        [[ $EUID -eq 0 ]] || die "adding a deb-src entry needs root"
        local uri signed=""
        # shellcheck disable=SC2016
        uri=$(apt-get indextargets --format '$(REPO_URI)' 'Target-Of: deb' \
                'Release: bookworm' 'Component: main' | head -n1)
        uri=${uri:-http://deb.debian.org/debian/}
        [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] &&
            signed="[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
        say "adding deb-src ${uri} bookworm main (/etc/apt/sources.list.d/nnplay-src.list)"
        echo "deb-src ${signed}${uri} bookworm main" > /etc/apt/sources.list.d/nnplay-src.list
        updated=0
    fi
    # The source index may be configured but not fetched yet.
    apt-cache showsrc imgui 2>/dev/null | grep -q '^Package: imgui' || { updated=0; apt_update; }

    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    chmod 755 "$tmp"  # apt downloads as user _apt
    (cd "$tmp" && apt-get -qq source --download-only imgui >/dev/null 2>&1) \
        || die "apt-get source --download-only imgui failed"
    local orig
    orig=$(compgen -G "$tmp/imgui_*.orig.tar.*" | head -n1) || true
    [[ -n $orig ]] || die "no imgui_*.orig.tar.* in the source package"
    mkdir -p "$tmp/src"
    tar -xf "$orig" -C "$tmp/src" --strip-components=1
    [[ -f $tmp/src/imgui.h && -f $tmp/src/backends/imgui_impl_glfw.cpp ]] \
        || die "$(basename "$orig") lacks imgui.h or backends/imgui_impl_glfw.cpp"
    mkdir -p third_party
    rm -rf "$dest"
    mv "$tmp/src" "$dest"
    say "Dear ImGui $(sed -n 's/^#define IMGUI_VERSION *"\(.*\)"/\1/p' "$dest/imgui.h") in $dest"
}

npm_packages() {
    [[ -f package.json ]] || return 0
    [[ -d node_modules/playwright-core && -d node_modules/seedrandom ]] && return 0
    say "npm ci (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
}

# The native build includes the desktop window (the page's UI over GLFW + OpenGL 3), so it
# needs GLFW, the UI font and the Dear ImGui sources too.
setup_native() {
    need cmake g++ make libeigen3-dev doctest-dev libglfw3-dev fonts-dejavu-core
    imgui_sources
}
setup_web() {
    need emscripten:emcc binaryen libglfw3-dev fonts-dejavu-core \
         chromium:chromium nodejs:node npm:npm
    imgui_sources
    npm_packages
}
setup_fuzz() { need clang-14 libclang-rt-14-dev; }
setup_test() { need python3-torch xvfb xauth; }

case "${1:-native}" in
    native) setup_native ;;
    web) setup_web ;;
    npm) need nodejs:node npm:npm; npm_packages ;;
    fuzz) setup_fuzz ;;
    test) setup_test ;;
    all) setup_native; setup_web; setup_fuzz; setup_test ;;
    *) die "usage: scripts/setup.sh [native|web|npm|fuzz|test|all]" ;;
esac
