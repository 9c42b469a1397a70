#!/usr/bin/env bash
# The device key sealed as a systemd credential (images/systemd/seal-device-key), with Debian's
# systemd-creds and a host key of the test's own (SYSTEMD_CREDENTIAL_SECRET; no TPM here):
# an existing key is sealed as it is and its plain file removed, the credential opens to the same
# bytes and only with this host's key, a second run changes nothing, a plain copy that comes back
# is removed, and links, odd sizes and folders that are not folders are refused untouched.
#   test_seal_device_key.sh
set -euo pipefail
script="$(cd "$(dirname "$0")/../.." && pwd)/images/systemd/seal-device-key"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export SYSTEMD_CREDENTIAL_SECRET="$work/host.secret"
open() { systemd-creds decrypt --name=device.key "$1" "$2" 2>/dev/null; }

# A kiosk that ran before: its key is sealed as it is, so what it sealed still opens.
mkdir -p "$work/data"
head -c 32 /dev/urandom > "$work/data/device.key"
cp "$work/data/device.key" "$work/original"
"$script" "$work/data" | grep -q "sealed the existing key" || fail "the existing key was not sealed"
[ -f "$work/data/device.key.cred" ] || fail "no device.key.cred"
[ ! -e "$work/data/device.key" ] || fail "the plain key is still there"
[ "$(stat -c %a "$work/data/device.key.cred")" = 600 ] || fail "device.key.cred is not 0600"
ls -A "$work/data" | grep -qv '^device.key.cred$' && fail "something else was left in the data folder: $(ls -A "$work/data")"
open "$work/data/device.key.cred" "$work/opened" || fail "the credential does not open with this host's key"
cmp -s "$work/opened" "$work/original" || fail "the credential does not hold the same key"
# The key's bytes are not in the sealed file.
python3 - "$work/original" "$work/data/device.key.cred" <<'PY' || fail "the sealed file holds the key in the clear"
import sys
key = open(sys.argv[1], 'rb').read()
sealed = open(sys.argv[2], 'rb').read()
import base64
sys.exit(1 if key in sealed or key in base64.b64decode(sealed + b'==', validate=False) else 0)
PY

# On another machine (another host key) it opens nothing.
SYSTEMD_CREDENTIAL_SECRET="$work/other.secret" systemd-creds setup >/dev/null 2>&1 || true
if SYSTEMD_CREDENTIAL_SECRET="$work/other.secret" systemd-creds decrypt --name=device.key "$work/data/device.key.cred" "$work/stolen" 2>/dev/null; then
  fail "the credential opened with another machine's key"
fi

# A second run changes nothing; a plain copy restored beside it is removed.
before=$(sha256sum < "$work/data/device.key.cred")
"$script" "$work/data" >/dev/null
[ "$(sha256sum < "$work/data/device.key.cred")" = "$before" ] || fail "a second run replaced the credential"
cp "$work/original" "$work/data/device.key"
"$script" "$work/data" | grep -q "removed a plain device key" || fail "a restored plain key was not removed"
[ ! -e "$work/data/device.key" ] || fail "the restored plain key is still there"

# A first start: a new key is made and sealed.
mkdir -p "$work/new"
"$script" "$work/new" | grep -q "sealed a new key" || fail "no new key was made"
open "$work/new/device.key.cred" "$work/new-key" || fail "the new credential does not open"
[ "$(stat -c %s "$work/new-key")" = 32 ] || fail "the new key is not 32 bytes"

# Hostile: a link as the key, a key of the wrong size, a link as the folder: refused, untouched.
mkdir -p "$work/link"
ln -s /etc/hostname "$work/link/device.key"
if "$script" "$work/link" 2>/dev/null; then fail "a link as device.key was sealed"; fi
[ ! -e "$work/link/device.key.cred" ] || fail "a credential was made from a link"
mkdir -p "$work/short"
head -c 31 /dev/urandom > "$work/short/device.key"
cp "$work/short/device.key" "$work/short-original"
if "$script" "$work/short" 2>/dev/null; then fail "a 31-byte key was sealed"; fi
cmp -s "$work/short/device.key" "$work/short-original" || fail "a damaged key was changed"
ln -s "$work/data" "$work/folder-link"
if "$script" "$work/folder-link" 2>/dev/null; then fail "a link as the data folder was followed"; fi
echo "seal-device-key: sealed, opens only here, idempotent, hostile files refused"
