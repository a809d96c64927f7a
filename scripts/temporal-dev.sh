#!/usr/bin/env bash
# Development Temporal server (the CLI's `server start-dev`, SQLite in .kiago/temporal.db) for people
# without one. Prints TEMPORAL_ADDRESS on stdout, everything else on stderr, so
#   export TEMPORAL_ADDRESS="$(bash scripts/temporal-dev.sh start)"
# works. TEMPORAL_ADDRESS already set → prints it and starts nothing.
#   bash scripts/temporal-dev.sh start   start in the background (idempotent), wait until it answers
#   bash scripts/temporal-dev.sh stop    stop the server this script started
# KIAGO_TEMPORAL_PORT (default 7233) moves the frontend; KIAGO_TEMPORAL_UI_PORT, when set, serves the
# web UI there (headless otherwise).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KIAGO_ROOT"

PORT="${KIAGO_TEMPORAL_PORT:-7233}"
STATE_DIR="$KIAGO_ROOT/.kiago"
# The default port keeps the plain names; another port gets its own files (two servers never share one).
NAME="temporal"
[ "$PORT" = 7233 ] || NAME="temporal-$PORT"
PID_FILE="$STATE_DIR/$NAME.pid"
LOG_FILE="$STATE_DIR/$NAME.log"
ADDRESS="127.0.0.1:$PORT"
log() { echo "[temporal-dev] $*" >&2; }

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

answers() { "$BIN" operator cluster health --address "$ADDRESS" >/dev/null 2>&1; }

case "${1:-start}" in
  start)
    if [ -n "${TEMPORAL_ADDRESS:-}" ]; then
      echo "$TEMPORAL_ADDRESS"
      exit 0
    fi
    BIN="$(bash scripts/setup-temporal.sh)"
    mkdir -p "$STATE_DIR"
    if [ -z "$(running_pid)" ] && answers; then
      # Someone else's server (another checkout's, a CI run's): using it silently would put this
      # checkout's runs in a database it does not own, which may vanish with its owner.
      log "$ADDRESS is already served by a Temporal server this script did not start."
      log "Use it on purpose with TEMPORAL_ADDRESS=$ADDRESS, stop it, or pick another port with KIAGO_TEMPORAL_PORT."
      exit 1
    fi
    if [ -z "$(running_pid)" ]; then
      ui_args=(--headless)
      [ -n "${KIAGO_TEMPORAL_UI_PORT:-}" ] && ui_args=(--ui-port "$KIAGO_TEMPORAL_UI_PORT")
      log "starting the Temporal dev server on $ADDRESS (log: .kiago/$NAME.log)"
      # Every history event is a SQLite commit: WAL without fsync per commit cuts tens of ms from each
      # round trip (a crash of the machine may lose the last commits; a dev server's runs are replayable
      # test data). One task-queue partition: with few pollers a task can land on a partition nobody
      # polls and wait to be forwarded. The dev server has one history shard, whose transfer queue is
      # read at most 20 times a second by default: every activity or child workflow task then waited
      # ~40 ms to reach matching (bench/orchestration/bare-child-latency.ts: 155 → 51 ms per child).
      nohup "$BIN" server start-dev "${ui_args[@]}" --ip 127.0.0.1 --port "$PORT" \
        --db-filename "$STATE_DIR/$NAME.db" --log-level warn \
        --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
        --dynamic-config-value matching.numTaskqueueReadPartitions=1 \
        --dynamic-config-value matching.numTaskqueueWritePartitions=1 \
        --dynamic-config-value history.transferProcessorMaxPollRPS=1000 >"$LOG_FILE" 2>&1 &
      echo $! >"$PID_FILE"
    fi
    for _ in $(seq 1 120); do
      if answers; then
        echo "$ADDRESS"
        exit 0
      fi
      [ -n "$(running_pid)" ] || { log "the server exited; see .kiago/$NAME.log"; tail -n 20 "$LOG_FILE" >&2; exit 1; }
      sleep 0.5
    done
    log "no answer on $ADDRESS after 60 s; see .kiago/$NAME.log"
    exit 1
    ;;
  stop)
    pid="$(running_pid)"
    if [ -z "$pid" ]; then
      log "not running"
      exit 0
    fi
    kill "$pid"
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; exit 0; }
      sleep 0.25
    done
    log "pid $pid did not stop within 10 s"
    exit 1
    ;;
  *)
    echo "usage: bash scripts/temporal-dev.sh start|stop" >&2
    exit 2
    ;;
esac
