#!/usr/bin/env bash
# One command that makes a fresh machine ready: system packages (the Vulkan CPU driver the GPU
# tests use), pnpm, the JS dependencies, the Rust build of the native core and every package.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/setup-gpu.sh ]; then bash scripts/setup-gpu.sh || echo "setup: GPU driver not installed; GPU tests will report why"; fi
command -v cargo >/dev/null || { echo "setup: cargo (Rust) is required: https://rustup.rs" >&2; exit 1; }
want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null || [ "$(pnpm --version)" != "$want_pnpm" ]; then
  npm install -g "pnpm@$want_pnpm" >/dev/null 2>&1 || corepack enable pnpm
fi
pnpm install --frozen-lockfile
pnpm build
