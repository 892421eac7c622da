#!/usr/bin/env bash
# Installs the Debian 12 packages ICP Desk needs to build, run and be tested.
# Safe to run again: it only installs what is missing.
set -euo pipefail

packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev libxdo-dev
  xvfb xauth webkit2gtk-driver
  poppler-utils qpdf imagemagick time xdotool
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-dejavu-extra
  dbus-x11 at-spi2-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
