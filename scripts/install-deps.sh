#!/usr/bin/env bash
# Installs the Debian packages Jixiao needs that this machine lacks. Used by run.sh ("run") and test.sh ("test").
#   run:  npm (the web app's front-end libraries), poppler-utils (PDF import, rendering scanned pages), Chromium and CJK
#         fonts (PDF reports), Tesseract with simplified Chinese (OCR of scans and photos) and LibreOffice (converting
#         .doc/.wps/.et/.rtf/.odt/.ods before import): OCR and conversion are run-time features
#   test: the same plus PostgreSQL (tests run against a real server)
set -euo pipefail
profile=${1:-run}

need=()
command -v npm >/dev/null || need+=(npm)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
fc-list : family 2>/dev/null | grep -i "WenQuanYi Micro Hei" >/dev/null || need+=(fonts-wqy-microhei)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
[ -n "$(find /usr/share/tesseract-ocr -name chi_sim.traineddata 2>/dev/null | head -1)" ] || need+=(tesseract-ocr-chi-sim)
# Scans of traditional-script copies (績效指標) read far better with the traditional model; it is tried where chi_sim is unsure.
[ -n "$(find /usr/share/tesseract-ocr -name chi_tra.traineddata 2>/dev/null | head -1)" ] || need+=(tesseract-ocr-chi-tra)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
if [ "$profile" = test ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
