#!/usr/bin/env bash
# Installs the real VS Code test host (code-server + playwright-core) and the Debian packages it needs.
# Idempotent and fast when already installed: a stamp keyed on the lockfile skips `npm ci`.
set -euo pipefail
cd "$(dirname "$0")"

PKGS=(chromium fonts-liberation ripgrep libkrb5-dev pkg-config)
if ! dpkg -s "${PKGS[@]}" >/dev/null 2>&1; then
  echo "test host: installing Debian packages with apt-get (1–2 minutes): ${PKGS[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
fi

STAMP=node_modules/.install-stamp
want() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d" " -f1; }
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(want)" ] && [ -x node_modules/.bin/code-server ]; then
  echo "test host: up to date"
  exit 0
fi

# Native modules inside code-server (argon2, kerberos, node-pty) are compiled by node-gyp, whose
# Makefiles break on a path with a space or a quote in it ("napi.h: No such file or directory"), and a
# checkout may live anywhere. So the install runs in a fresh short folder under the OS temp directory
# and the finished node_modules moves here (nothing in it depends on where it was built).
base="${TMPDIR:-/tmp}"
case "$base" in *[!A-Za-z0-9/._-]*) base=/tmp ;; esac
STAGE="$(mktemp -d "$base/vii-host-XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
cp package.json package-lock.json "$STAGE/" 2>/dev/null || cp package.json "$STAGE/"

# @vscode/ripgrep (inside code-server) downloads rg in its postinstall, which fails offline:
# pre-seed its download cache with Debian's rg. The cache lives under TMPDIR, so TMPDIR is the stage's.
export TMPDIR="$STAGE/tmp"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE" "$TMPDIR/rg"
cp "$(command -v rg)" "$TMPDIR/rg/rg"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg" rg

export npm_config_unsafe_perm=true # code-server 4.100's postinstall exits 1 as root without it
export npm_config_yes=true         # node-pty's postinstall runs `npx node-gyp`; npx without a TTY needs yes

echo "test host: installing code-server and playwright-core (about a minute)"
if [ -f package-lock.json ]; then
  (cd "$STAGE" && npm ci --no-audit --no-fund --loglevel=error)
else
  (cd "$STAGE" && npm install --no-audit --no-fund --loglevel=error)
  cp "$STAGE/package-lock.json" .
fi
rm -rf node_modules
mv "$STAGE/node_modules" node_modules
want >"$STAMP"
echo "test host: installed"
