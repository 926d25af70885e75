#!/usr/bin/env bash
# Install everything the dashboard and its tests need on a fresh Debian machine:
# Chromium (browser tests and chart/map export use the system browser; no browser download),
# PostgreSQL and nginx (tests start their own servers in temporary folders on loopback ports),
# fonts for offline export, and a Python virtual environment in .venv.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PACKAGES="chromium chromium-driver fonts-dejavu-core fonts-liberation postgresql nginx"
# shellcheck disable=SC2086
if ! dpkg -s $PACKAGES >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -r requirements-dev.txt
echo "Siap. Jalankan: .venv/bin/python -m kla serve"
