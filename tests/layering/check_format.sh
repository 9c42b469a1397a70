#!/bin/bash
# Every C++ source keeps .clang-format (Debian 12's clang-format-14, the version setup.sh
# installs: another version may format differently). Prints the files that do not; exits 1.
# To fix: git ls-files '*.cpp' '*.hpp' '*.h' | xargs clang-format-14 -i
set -u
root=${1:?usage: check_format.sh SOURCE_DIR}
cd "$root" || exit 2
tool=$(command -v clang-format-14) || { echo "format: clang-format-14 is missing (scripts/setup.sh installs it)"; exit 1; }
bad=()
while IFS= read -r file; do
    "$tool" --dry-run --Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done < <(git ls-files '*.cpp' '*.hpp' '*.h')
if [ ${#bad[@]} -gt 0 ]; then
    echo "format: ${#bad[@]} file(s) differ from .clang-format:"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "format: every C++ source keeps .clang-format"
