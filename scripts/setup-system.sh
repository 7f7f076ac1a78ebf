#!/usr/bin/env bash
# System packages the test suite needs, installed only when missing (Debian, as root).
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-fra tesseract-ocr-spa)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing system packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Node.js tools for the test suite (Neo4j's Cypher front end), from the npm registry; installed
# again whenever package-lock.json changed. The validator needs Node.js 20 or later.
if [ -f tests/node/package.json ]; then
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || echo "warning: Node.js $major found; the Cypher validator (tests/node) needs 20 or later" >&2
  if [ ! -f tests/node/node_modules/.package-lock.json ] \
     || [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
    (cd tests/node && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false)
  fi
fi
