#!/usr/bin/env bash
# Training and inference on a real GPU beside wasm, in one run (not a test): the training
# bench on webgpu and wasm (and tensorflow-gpu where @tensorflow/tfjs-node-gpu loads), then one
# drawing's encode + decode on each. Needs `npm install` (Dawn's binaries come with the npm
# package `webgpu`) and a Vulkan, Metal or D3D12 driver; a software adapter is refused unless
# LATENTDRAW_WEBGPU_ALLOW_SOFTWARE=1, and its rows are then marked as software.
#   bash bench/gpu/run.sh [seconds per case]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-4}"

backends=webgpu,wasm
if node -e "require('@tensorflow/tfjs-node-gpu')" >/dev/null 2>&1; then backends="tensorflow-gpu,$backends"; fi

echo "== adapter"
node bin/latentdraw.js info | grep -E 'webgpu|tensorflow-gpu|backend:'
echo "== training ($backends), ${seconds} s per case"
npx tsx bench/train/run.ts --backends "$backends" --seconds "$seconds" --json
echo "== one drawing, encode + decode"
npx tsx bench/gpu/inference.ts --backends "${backends}"
