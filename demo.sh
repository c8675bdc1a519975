#!/usr/bin/env bash
# The whole Spotter demo with one command: builds everything, starts the sync server on the
# embedded H2 database with the demo gym, pairs a fresh front desk with it (a pairing code from
# the API with the demo manager's login) and opens the desk, working as the demo front-desk
# staff (Neha). Closing the desk window stops the server.
#
#   ./demo.sh                 build, then run on port 8080 (SPOTTER_PORT=... for another)
#   SKIP_BUILD=1 ./demo.sh    run what was built last time
#
# Needs a JDK 21+ somewhere (JAVA_HOME, PATH or /usr/lib/jvm) and a display for the desk.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT="$PWD"
PORT="${SPOTTER_PORT:-8080}"
URL="http://127.0.0.1:$PORT"
export SPOTTER_DATA_DIR="${SPOTTER_DATA_DIR:-$ROOT/data}"

say() { printf '\n== %s\n' "$*"; }
# the first "name":"value" of a JSON text (no jq needed)
json_field() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -n1 | sed 's/.*: *"\(.*\)"/\1/'; }

if curl -fsS -o /dev/null "$URL/health" 2>/dev/null; then
  echo "Something already answers on $URL; stop it or run with SPOTTER_PORT=<free port>." >&2
  exit 1
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "Building (./mvnw install, tests skipped)"
  ./mvnw -B -q -DskipTests install
fi

SERVER_BIN="$(ls -d installer/target/spotter-server-*/spotter-server-*/bin/spotter-server 2>/dev/null | head -n1)"
[ -x "$SERVER_BIN" ] || { echo "No server distribution under installer/target; run without SKIP_BUILD=1." >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/spotter-demo.XXXXXX")"
SERVER_PID=""
DESK_PID=""
# Stops a child and waits for it; the desk runs in its own process group (setsid), so the whole
# group goes: Maven and the desk's JVM under it.
stop() {
  local pid="$1" what="$2" group="${3:-}"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "Stopping the $what (pid $pid)"
    if [ "$group" = group ]; then kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    else kill -TERM "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$DESK_PID" desk group
  stop "$SERVER_PID" server
  rm -rf "$WORK"
}
trap cleanup EXIT
# Ctrl+C or a TERM is how a demo ends: stop both children and leave with success.
trap 'trap - INT TERM; echo; cleanup; exit 0' INT TERM

say "Starting the server on $URL (data in $SPOTTER_DATA_DIR, log in $WORK/server.log)"
SPOTTER_PORT="$PORT" SPOTTER_DEMO_DATA=true "$SERVER_BIN" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "$URL/health" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "The server did not start." >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$URL/health" || { cat "$WORK/server.log" >&2; echo "No /health after 90 s." >&2; exit 1; }

login() {
  curl -sS -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json_field accessToken
}

say "Asking for a pairing code as the demo manager"
# /health answers before the demo gym is loaded, so the first logins may still be refused.
MANAGER_TOKEN=""
for _ in $(seq 1 120); do
  MANAGER_TOKEN="$(login manager@demo.spotter.app demo-manager-1 || true)"
  [ -n "$MANAGER_TOKEN" ] && break
  sleep 0.5
done
[ -n "$MANAGER_TOKEN" ] || { cat "$WORK/server.log" >&2; echo "The demo manager cannot log in." >&2; exit 1; }
LOCATION_ID="$(curl -fsS "$URL/api/v1/locations" -H "Authorization: Bearer $MANAGER_TOKEN" | json_field id)"
PAIRING_CODE="$(curl -fsS -X POST "$URL/api/v1/devices/pairing-codes" -H "Authorization: Bearer $MANAGER_TOKEN" \
  -H 'Content-Type: application/json' -d "{\"locationId\":\"$LOCATION_ID\"}" | json_field code)"
[ -n "$PAIRING_CODE" ] || { echo "No pairing code from the server." >&2; exit 1; }
DESK_TOKEN="$(login desk@demo.spotter.app demo-desk-1)"
STAFF_ID="$(curl -fsS "$URL/api/v1/me" -H "Authorization: Bearer $DESK_TOKEN" | json_field id)"
echo "pairing code $PAIRING_CODE for location $LOCATION_ID; desk staff desk@demo.spotter.app ($STAFF_ID)"

say "Opening the desk (close its window to stop the demo)"
# A fresh desk each run, so it pairs with this server's code.
# validate first: it picks the JDK 21+ toolchain the desk runs on.
# In the background with its own process group, so that a signal reaches this script's trap at
# once (bash runs traps only between foreground commands) and stops the desk's whole tree.
SPOTTER_DESK_HOME="$WORK/desk" SPOTTER_SERVER_URL="$URL" SPOTTER_PAIRING_CODE="$PAIRING_CODE" \
  SPOTTER_DESK_NAME="Front desk" SPOTTER_STAFF_ID="$STAFF_ID" \
  SPOTTER_DEMO_STAFF_EMAIL=desk@demo.spotter.app SPOTTER_DEMO_STAFF_PASSWORD=demo-desk-1 \
  setsid ./mvnw -B -q -pl desktop-app validate exec:exec@desk -Ddesk.args=--no-demo &
DESK_PID=$!
DESK_STATUS=0
wait "$DESK_PID" || DESK_STATUS=$?
DESK_PID=""
exit "$DESK_STATUS"
