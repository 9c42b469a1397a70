#!/usr/bin/env bash
# Builds and starts the kiosk on its embedded demo data, full screen on $DISPLAY, with the
# office's server (dc-server, embedded SQLite) running beside it on loopback: what a jobseeker
# sends at the kiosk arrives there. With no display it says so, runs the kiosk under Xvfb, saves
# a screenshot of the Home screen and prints its path. Extra arguments go to dc-kiosk (try
# --help); KIOSK_NO_SERVER=1 runs the kiosk alone.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target dc-kiosk dc-server dc-catalog-gen

kiosk="build/dev/app/dc-kiosk"
server="build/dev/sync/dc-server"
demo="$PWD/build/demo"
mkdir -p "$demo"
args=(--data-dir "$demo/kiosk")
server_pid=""
script=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$script" ]; then rm -f "$script"; fi
}
trap cleanup EXIT

if [ -z "${KIOSK_NO_SERVER:-}" ]; then
  db="$demo/server.db"
  if [ ! -f "$db" ]; then
    # The server offers the same catalog the demo kiosk starts with.
    build/dev/catalog/dc-catalog-gen --kiosk-seed --out "$demo/seed.jsonl"
    "$server" import --db "$db" "$demo/seed.jsonl"
    # A caseworker for the office console (a demo password: make real ones with user add).
    echo "demo password 1" | "$server" user add --db "$db" --name demo --role admin --password-stdin
  fi
  token="$("$server" token --db "$db" --note "demo kiosk")"
  rm -f "$demo/port"
  rm -f "$demo/office-port"
  "$server" serve --db "$db" --listen 127.0.0.1:0 --port-file "$demo/port" \
    --office-listen 127.0.0.1:0 --office-port-file "$demo/office-port" 2>"$demo/server.log" &
  server_pid=$!
  for _ in $(seq 600); do [ -s "$demo/port" ] && break; sleep 0.05; done
  [ -s "$demo/port" ] || { echo "dc-server did not start; see $demo/server.log" >&2; exit 1; }
  url="http://127.0.0.1:$(cat "$demo/port")"
  args+=(--server "$url" --enroll-token "$token")
  echo "The office's server (dc-server) runs at $url, data in $db."
  echo "What the kiosk sent:  $server export --db $db applications   (or enrollments)"
  if [ -s "$demo/office-port" ]; then
    echo "The office console:   http://127.0.0.1:$(cat "$demo/office-port")/office/   (name demo, password \"demo password 1\")"
  fi
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  "$kiosk" "${args[@]}" "$@"
  exit $?
fi

shot="${KIOSK_SCREENSHOT:-$PWD/build/kiosk-home.png}"
echo "No display found (DISPLAY is not set): running the kiosk under Xvfb at 1920x1080 instead."
script="$(mktemp)"
printf 'expect "Find a job"\nscreenshot "%s"\n' "$shot" > "$script"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" "${args[@]}" --script "$script" "$@"
echo "Screenshot of the Home screen: $shot"
