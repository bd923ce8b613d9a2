#!/usr/bin/env bash
# Rebuilds the vendored front-end assets that Placeshaper commits to git, so
# that a fresh clone runs with no npm step. Run this only when upgrading (see
# README.md); commit everything it writes.
#
# Outputs:
#   src/Placeshaper/wwwroot/lib/govuk-frontend/govuk-frontend.min.css   (from placeshaper.scss)
#   src/Placeshaper/wwwroot/lib/govuk-frontend/govuk-frontend.min.js    (+ .map, ES module build)
#   src/Placeshaper/wwwroot/lib/govuk-frontend/assets/...               (only non-crown images, see ALLOWED_IMAGES)
#   src/Placeshaper/wwwroot/lib/govuk-frontend/LICENSE.txt
#   src/Placeshaper/wwwroot/lib/govuk-frontend/VERSION.txt
#   tests/Placeshaper.BrowserTests/Assets/axe.min.js
#   tests/Placeshaper.BrowserTests/Assets/axe-core-LICENSE.txt
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"

GOVUK_OUT="$REPO_ROOT/src/Placeshaper/wwwroot/lib/govuk-frontend"
AXE_OUT="$REPO_ROOT/tests/Placeshaper.BrowserTests/Assets"

# Images from govuk-frontend/dist/govuk/assets/images that may be shipped.
# Everything in that folder up to 6.6.0 is GOV.UK / Crown branded (favicon.*,
# govuk-icon-*, govuk-crest.svg, govuk-opengraph-image.png) and must not be
# used by a service outside gov.uk, so the list is empty. Only add a file here
# after checking it carries no crown, crest or GOV.UK logo. Fonts are never
# copied (GDS Transport is licensed for gov.uk only).
ALLOWED_IMAGES=()

log() { printf '[frontend] %s\n' "$*"; }

log "npm ci"
# --ignore-scripts: nothing we use needs an install script (the only one is
# sass's optional @parcel/watcher, used only by `sass --watch`).
npm ci --ignore-scripts --no-audit --no-fund

GOVUK_PKG="$HERE/node_modules/govuk-frontend"
GOVUK_DIST="$GOVUK_PKG/dist/govuk"
AXE_PKG="$HERE/node_modules/axe-core"
GOVUK_VERSION="$(node -p 'require("./node_modules/govuk-frontend/package.json").version')"
AXE_VERSION="$(node -p 'require("./node_modules/axe-core/package.json").version')"
SASS_VERSION="$(node -p 'require("./node_modules/sass/package.json").version')"
log "govuk-frontend $GOVUK_VERSION, axe-core $AXE_VERSION, sass $SASS_VERSION"

# Start from a clean output folder so files dropped upstream do not linger.
rm -rf "$GOVUK_OUT"
mkdir -p "$GOVUK_OUT" "$AXE_OUT"

# --- a. CSS -----------------------------------------------------------------
log "compiling placeshaper.scss"
"$HERE/node_modules/.bin/sass" \
  --no-source-map \
  --style=compressed \
  --load-path=node_modules \
  --quiet-deps \
  placeshaper.scss "$GOVUK_OUT/govuk-frontend.min.css"

# Fail loudly if the font swap or assets path stopped working (e.g. a setting
# was renamed in an upgrade).
CSS="$GOVUK_OUT/govuk-frontend.min.css"
if grep -q 'GDS Transport' "$CSS"; then
  echo "ERROR: compiled CSS still mentions GDS Transport" >&2; exit 1
fi
if grep -q '@font-face' "$CSS"; then
  echo "ERROR: compiled CSS contains @font-face rules" >&2; exit 1
fi
if grep -o 'url([^)]*)' "$CSS" | grep -qv '/lib/govuk-frontend/assets/'; then
  echo "ERROR: compiled CSS references a url() outside /lib/govuk-frontend/assets/" >&2; exit 1
fi
for cls in '.govuk-template__body' '.govuk-header' '.govuk-button' '.govuk-service-navigation'; do
  grep -qF "$cls" "$CSS" || { echo "ERROR: $cls missing from compiled CSS" >&2; exit 1; }
done

# --- b. JS and assets -------------------------------------------------------
log "copying govuk-frontend.min.js (ES module) and its source map"
cp "$GOVUK_DIST/govuk-frontend.min.js" "$GOVUK_OUT/govuk-frontend.min.js"
if [[ -f "$GOVUK_DIST/govuk-frontend.min.js.map" ]]; then
  cp "$GOVUK_DIST/govuk-frontend.min.js.map" "$GOVUK_OUT/govuk-frontend.min.js.map"
fi

copied_images=()
for img in "${ALLOWED_IMAGES[@]}"; do
  mkdir -p "$GOVUK_OUT/assets/images"
  cp "$GOVUK_DIST/assets/images/$img" "$GOVUK_OUT/assets/images/$img"
  copied_images+=("$img")
done
for f in "$GOVUK_DIST"/assets/images/*; do
  name="$(basename "$f")"
  case " ${ALLOWED_IMAGES[*]} " in
    *" $name "*) ;;
    *) log "skipping assets/images/$name (GOV.UK/Crown branded or not reviewed)" ;;
  esac
done

# The web app manifest only lists icons; ship it only if every icon it lists
# was shipped, otherwise it would point browsers at missing crown icons.
if [[ -f "$GOVUK_DIST/assets/manifest.json" ]]; then
  if COPIED="${copied_images[*]-}" node -e '
      const m = require(process.argv[1]);
      const ok = new Set((process.env.COPIED || "").split(" ").filter(Boolean));
      const missing = (m.icons || []).map(i => i.src.replace(/^images\//, "")).filter(n => !ok.has(n));
      process.exit(missing.length ? 1 : 0);
    ' "$GOVUK_DIST/assets/manifest.json"; then
    mkdir -p "$GOVUK_OUT/assets"
    cp "$GOVUK_DIST/assets/manifest.json" "$GOVUK_OUT/assets/manifest.json"
  else
    log "skipping assets/manifest.json (it lists GOV.UK icons that are not shipped)"
  fi
fi

# --- c. Licence and version -------------------------------------------------
log "writing LICENSE.txt and VERSION.txt"
{
  license_file=""
  for candidate in LICENSE.txt LICENSE LICENSE.md; do
    if [[ -f "$GOVUK_PKG/$candidate" ]]; then license_file="$GOVUK_PKG/$candidate"; break; fi
  done
  if [[ -n "$license_file" ]]; then
    cat "$license_file"
  else
    # The npm package does not ship its LICENSE file (package.json says
    # "license": "MIT"); this is the text of LICENSE.txt in the
    # alphagov/govuk-frontend repository.
    cat <<'MIT'
The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
MIT
  fi
  cat <<'NOTE'

-------------------------------------------------------------------------------
Notes added by Placeshaper (tools/frontend/build.sh)

- The code in this folder (govuk-frontend.min.css, govuk-frontend.min.js and
  its source map) is GOV.UK Frontend, released under the MIT License above.
  The CSS is compiled from GOV.UK Frontend's Sass with Placeshaper's settings
  (tools/frontend/placeshaper.scss).
- GOV.UK Frontend's documentation and non-code assets are Crown copyright
  and available under the Open Government Licence v3.0
  (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).
- Not included, on purpose: the GDS Transport font files (licensed only for
  services on the gov.uk domain) and the GOV.UK crown, royal crest, favicon
  and app icon images (GOV.UK branding must not be used by services outside
  gov.uk). Placeshaper uses a system font stack instead.
NOTE
} > "$GOVUK_OUT/LICENSE.txt"

BUILD_DATE="$(date -u +%Y-%m-%d)"
cat > "$GOVUK_OUT/VERSION.txt" <<EOF
govuk-frontend $GOVUK_VERSION
built $BUILD_DATE with sass $SASS_VERSION by tools/frontend/build.sh
EOF

# --- d. axe-core --------------------------------------------------------------
log "copying axe-core $AXE_VERSION"
cp "$AXE_PKG/axe.min.js" "$AXE_OUT/axe.min.js"
{
  cat "$AXE_PKG/LICENSE"
  if [[ -f "$AXE_PKG/LICENSE-3RD-PARTY.txt" ]]; then
    printf '\n\n=============================================================================\n'
    printf 'axe-core LICENSE-3RD-PARTY.txt (third-party code bundled in axe.min.js)\n'
    printf '=============================================================================\n\n'
    cat "$AXE_PKG/LICENSE-3RD-PARTY.txt"
  fi
} > "$AXE_OUT/axe-core-LICENSE.txt"

log "done:"
( cd "$REPO_ROOT" && find "src/Placeshaper/wwwroot/lib/govuk-frontend" \
    "tests/Placeshaper.BrowserTests/Assets/axe.min.js" \
    "tests/Placeshaper.BrowserTests/Assets/axe-core-LICENSE.txt" \
    -type f -printf '  %10s  %p\n' | sort -k2 )
