#!/usr/bin/env bash
# `npm run fuzz:api [-- <extra schemathesis options>]`: fuzzes the running API against its own OpenAPI document
# with Schemathesis (every check: no 5xx, documented statuses, content types and response schemas, negative
# data rejected, positive data accepted). It starts the app as `npm start` does (server/index.ts; the client
# is not rebuilt, the API does not need it) on a free port, with its own local Neo4j in a temporary folder —
# or against NEO4J_URI when that is set — and always stops both on exit.
#
# Settings: FUZZ_MAX_EXAMPLES (default 50 per operation), FUZZ_SEED (default random), FUZZ_VENV (default
# .venv-fuzz, created on first use; Python 3.9+ and PyPI needed once), FUZZ_STARTUP_TIMEOUT (seconds, 600).
# Schemathesis runs in a temporary folder that is removed afterwards: give report options absolute paths,
# e.g. `npm run fuzz:api -- --report junit --report-dir "$PWD/test-results"`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
VENV="${FUZZ_VENV:-$ROOT/.venv-fuzz}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-50}"
STARTUP_TIMEOUT="${FUZZ_STARTUP_TIMEOUT:-600}"

if [[ ! -x "$VENV/bin/schemathesis" ]]; then
  echo "Installing Schemathesis into $VENV (once)…" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4,<5"
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/thb-fuzz-XXXXXX")"
LOG="$WORK/app.log"
PORT="$(free_port)"
APP_PID=""
FUZZ_PID=""

stop_app() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n "$FUZZ_PID" ]] && kill -TERM "$FUZZ_PID" 2>/dev/null || true
  if [[ -n "$APP_PID" ]]; then
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "Stopping the app and its Neo4j…" >&2
      # The app stops its local Neo4j on SIGTERM; whatever is left of its process group goes after 60 s.
      kill -TERM "$APP_PID" 2>/dev/null || true
      for _ in $(seq 1 120); do
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.5
      done
    fi
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
  stop_local_neo4j
  rm -rf "$WORK"
  exit "$status"
}
# The local Neo4j runs in its own process group; the app stops it, but not if the app itself was killed.
stop_local_neo4j() {
  local pid
  pid="$(sed -n 's/.*"pid": *\([0-9][0-9]*\).*/\1/p' "$WORK/neo4j/run/launcher.pid" 2>/dev/null || true)"
  [[ -n "$pid" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$WORK" || return 0
  echo "Stopping the local Neo4j the app left running (pid $pid)…" >&2
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}
trap stop_app EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export PORT HOST=127.0.0.1 SEED_ON_START=true
# The fuzzer sends thousands of requests a minute: no rate limits for this run.
export RATE_LIMIT_PER_MINUTE=0 RATE_LIMIT_EXPORT_PER_MINUTE=0
if [[ -z "${NEO4J_URI:-}" ]]; then
  export NEO4J_LOCAL_DIR="$WORK/neo4j" NEO4J_LOCAL_PORT="$(free_port)"
  echo "Starting the app on port $PORT with its own Neo4j on port $NEO4J_LOCAL_PORT…" >&2
else
  echo "Starting the app on port $PORT against $NEO4J_URI…" >&2
fi
# Its own process group (setsid), so that stopping it reaches Neo4j too.
setsid "$ROOT/node_modules/.bin/tsx" server/index.ts >"$LOG" 2>&1 &
APP_PID=$!
echo "The app's process: $APP_PID (its log: $LOG)." >&2

BASE="http://127.0.0.1:$PORT"
deadline=$((SECONDS + STARTUP_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health" || true)" == "200" ]]; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "The app stopped before it was ready; its output:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  if ((SECONDS > deadline)); then
    echo "The app was not healthy after ${STARTUP_TIMEOUT} s; its output:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "The app is ready at $BASE; fuzzing (at most $MAX_EXAMPLES examples per operation)…" >&2

# From the temporary folder: Schemathesis and Hypothesis leave their caches (.schemathesis/, .hypothesis/) there.
cd "$WORK"
"$VENV/bin/schemathesis" --config-file "$ROOT/test/fuzz/schemathesis.toml" run "$BASE/api/openapi.json" \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --request-timeout 15 \
  --generation-database none \
  ${FUZZ_SEED:+--seed "$FUZZ_SEED"} \
  --no-color \
  "$@" &
# In the background, so that Ctrl-C or a TERM reaches the trap at once, not when Schemathesis is done.
FUZZ_PID=$!
wait "$FUZZ_PID"
