#!/usr/bin/env bash
# Installs the Python peers the benchmarks compare against (numpy with OpenBLAS, joblib).
set -euo pipefail
python3 -c 'import numpy, joblib' 2>/dev/null || python3 -m pip install -q numpy joblib
