# pytorch_setup.sh: what the PyTorch tests share, sourced with their arguments: BIN (the nnplay
# binary), PY (/usr/bin/python3, or NNPLAY_PYTORCH_PYTHON) and a folder $tmp removed at exit.
# Exits 77 (ctest's skip), saying why, when PY cannot import torch.
BIN=${1:?usage: $0 path/to/nnplay}
PY=${NNPLAY_PYTORCH_PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    echo "skip: $PY cannot import torch (install python3-torch: scripts/setup.sh test)"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
