#!/usr/bin/env bash
# Makes WebGPU (Dawn, the npm package `webgpu`) usable on a Linux machine without a GPU by installing
# Mesa's lavapipe CPU Vulkan driver. Dawn's compute shaders need Mesa >= 25, which Debian bookworm only
# ships in bookworm-backports. Idempotent: does nothing when a recent lavapipe is already there.
# Never fails the calling set-up: when apt is missing or unreachable it prints why and exits 0
# (the GPU tests then skip their device tests and say so).
set -u

log() { echo "setup-gpu: $*"; }

lavapipe_version() {
  # Prints the installed mesa-vulkan-drivers version, or nothing.
  dpkg-query -W -f='${Status} ${Version}\n' mesa-vulkan-drivers 2>/dev/null |
    awk '$1 == "install" && $3 == "installed" { print $4 }'
}

recent_enough() {
  local v="$1"
  [ -n "$v" ] || return 1
  local major="${v%%.*}"
  major="${major##*:}"
  [ "$major" -ge 25 ] 2>/dev/null
}

if [ "$(uname -s)" != "Linux" ]; then
  log "not Linux: nothing to do (WebGPU uses Metal/D3D12 there)"; exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  log "apt-get not available: install Mesa >= 25 (lavapipe) or a GPU driver by hand; skipping"; exit 0
fi

current="$(lavapipe_version)"
if recent_enough "$current" && dpkg-query -W -f='${Status}\n' libvulkan1 2>/dev/null | grep -q 'install ok installed'; then
  log "lavapipe (mesa-vulkan-drivers $current) already installed"; exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    log "not root and no passwordless sudo: cannot install mesa-vulkan-drivers; skipping"; exit 0
  fi
fi

codename="$( . /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-}" )"
target=""
if [ "$codename" = "bookworm" ]; then
  target="bookworm-backports"
  # Reuse the Debian mirror already configured (deb822 .sources or one-line .list).
  mirror="$( { sed -nE 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null
    sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//p' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null; } |
    tr ' ' '\n' | grep -E '^https?://.*/debian/?$' | head -n1)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  mirror="${mirror%/}"
  if ! grep -rqsE "^[^#]*bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding bookworm-backports ($mirror)"
    echo "deb $mirror bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/polycore-backports.list >/dev/null ||
      { log "cannot write apt sources; skipping"; exit 0; }
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq >/dev/null 2>&1; then
  log "apt-get update failed (offline?): skipping lavapipe install"; exit 0
fi
if [ -n "$target" ]; then
  $SUDO apt-get install -y -qq -t "$target" mesa-vulkan-drivers libvulkan1 >/dev/null 2>&1 ||
    { log "apt-get install -t $target mesa-vulkan-drivers failed: skipping"; exit 0; }
else
  $SUDO apt-get install -y -qq mesa-vulkan-drivers libvulkan1 >/dev/null 2>&1 ||
    { log "apt-get install mesa-vulkan-drivers failed: skipping"; exit 0; }
fi

current="$(lavapipe_version)"
if recent_enough "$current"; then
  log "installed mesa-vulkan-drivers $current (lavapipe)"
else
  log "mesa-vulkan-drivers is ${current:-missing}; Dawn needs Mesa >= 25 for compute, GPU tests may skip"
fi
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  log "note: XDG_RUNTIME_DIR is unset; @polycore/gpu sets it to a temporary directory when it opens a device"
fi
exit 0
