#!/usr/bin/env bash
# Installs the Debian packages Jixiao needs that this machine lacks. Used by run.sh ("run") and test.sh ("test").
#   run:  npm (the web app's front-end libraries), poppler-utils (PDF import), Chromium and CJK fonts (PDF reports)
#   test: the same plus PostgreSQL (tests run against a real server), LibreOffice (tests render .docx/.xlsx to look at them)
#         and Tesseract with simplified Chinese (the corpus round trip reads scans)
set -euo pipefail
profile=${1:-run}

need=()
command -v npm >/dev/null || need+=(npm)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
fc-list : family 2>/dev/null | grep -i "WenQuanYi Micro Hei" >/dev/null || need+=(fonts-wqy-microhei)
if [ "$profile" = test ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  command -v tesseract >/dev/null || need+=(tesseract-ocr)
  tesseract --list-langs 2>/dev/null | grep -qx chi_sim || need+=(tesseract-ocr-chi-sim)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
