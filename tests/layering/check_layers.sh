#!/bin/bash
# The tree's layering (docs/ARCHITECTURE.md), checked on every run of the suite: which folder may
# include which, and no source file over 600 lines. Prints each breach; exits 1 when there is one.
set -u
root=${1:?usage: check_layers.sh SOURCE_DIR}
cd "$root" || exit 2
status=0

# forbid FOLDER PATTERN WHY: no file under FOLDER includes a header matching PATTERN.
forbid() {
    local folder=$1 pattern=$2 why=$3 hits
    hits=$(grep -rnE --include='*.cpp' --include='*.hpp' --include='*.h' "^#include [\"<]($pattern)" "$folder" 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "layering: $folder $why:"
        echo "$hits" | sed 's/^/  /'
        status=1
    fi
}

forbid common   'domain/|catalog/|store/|sync/|app/|drivers/|firmware-config/' 'is the foundation: it includes no module'
forbid domain   'catalog/|store/|sync/|app/|drivers/|firmware-config/|sqlite3|curl/|imgui' 'is the program'"'"'s words: no storage, network, UI or device'
forbid catalog  'store/|sync/|app/|drivers/|sqlite3' 'is formats only: what the server and tools link without the kiosk'"'"'s store'
forbid store    'app/|sync/|drivers/|curl/|imgui' 'is the kiosk'"'"'s SQLite library: it knows no UI, network or device'
forbid sync/server 'store/|app/|imgui' 'links no kiosk-only code'
forbid sync/client 'app/|imgui' 'has no UI'
forbid drivers  'app/|store/|sync/|domain/|catalog/' 'depends on nothing of the kiosk'
forbid app/services 'app/ui/|imgui' 'is below the screens'
forbid app/ui   'store/|sqlite3|curl/|app/services/catalog_service|sync/|drivers/' 'gets data through app/services only'
forbid app/ui/kit 'app/ui/jobseeker/|app/ui/staff/|app/ui/automation/' 'knows no kiosk state'
for feature in jobs courses apply status id_capture narration; do
    others=$(printf '%s\n' jobs courses apply status narration | grep -vx "$feature" | sed 's#^#app/ui/jobseeker/#; s#$#/.*controller#' | paste -sd'|')
    [ "$feature" = apply ] || [ "$feature" = narration ] || forbid "app/ui/jobseeker/$feature" "$others" 'is one feature: it does not reach into another'"'"'s controller'
done

# No source file over 600 lines (generated code and vendored fonts aside).
while read -r lines file; do
    [ "$file" = total ] && continue
    if [ "$lines" -gt 600 ]; then
        echo "size: $file has $lines lines (at most 600: split it by what it does)"
        status=1
    fi
done < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.py' | xargs wc -l)

[ $status -eq 0 ] && echo "layering: every folder includes only what ARCHITECTURE.md allows; no source file over 600 lines"
exit $status
