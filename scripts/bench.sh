#!/usr/bin/env bash
# The national-scale benchmark (`make bench`): seed synthetic data, serve it with gunicorn as
# `make run` does, load it with locust, then print p50/p95 per page against the targets, query
# counts at page size 1 and 50, and the cost of row-level security on the register list.
#
# Everything lives in var/bench (its own PostgreSQL and Redis, see config/devservices.py):
# the `make run` data and the tests are never touched. Seeding is skipped when var/bench already
# holds the same size and seed, so a re-run takes only the load test.
#   BENCH_PEOPLE (100000)  BENCH_SEED (2026)  BENCH_USERS (20)  BENCH_SECONDS (60)
#   BENCH_THINK (0.5-1.5 seconds between a user's pages)  BENCH_PORT (8765)
#   BENCH_SKIP (pages to leave out of the load test, ";" between, e.g. "MDT meeting (40 cases)")
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${BENCH_PEOPLE:-100000}"
SEED="${BENCH_SEED:-2026}"
USERS="${BENCH_USERS:-20}"
SECONDS_RUN="${BENCH_SECONDS:-60}"
export BENCH_THINK="${BENCH_THINK:-0.5-1.5}"
PORT="${BENCH_PORT:-8765}"
export KEYWORKING_VAR_DIR="$PWD/var/bench"
export DJANGO_SETTINGS_MODULE=config.settings.local  # DEBUG off, demo mode on
unset DATABASE_URL DATABASE_OWNER_URL REDIS_URL  # always the private servers under var/bench
BIN=.venv/bin
MANAGE="$BIN/python manage.py"
OUT="$KEYWORKING_VAR_DIR/results"
SEEDED="$KEYWORKING_VAR_DIR/.seeded"

# Not seeded, or with another size or seed (or an interrupted seeding): start from empty.
if [ "$(cat "$SEEDED" 2>/dev/null)" != "$PEOPLE $SEED" ]; then
  $BIN/python -m config.devservices stop
  rm -rf "$KEYWORKING_VAR_DIR/postgres" "$SEEDED"
fi
mkdir -p "$OUT"
$MANAGE migrate --no-input >/dev/null
if [ ! -f "$SEEDED" ]; then
  $MANAGE seed_scale --people "$PEOPLE" --seed "$SEED"
  $MANAGE bench_pages prepare
  echo "$PEOPLE $SEED" >"$SEEDED"
fi
skip=()
IFS=';' read -ra skipped <<<"${BENCH_SKIP:-}"
for page in "${skipped[@]}"; do skip+=(--skip "$page"); done
$MANAGE bench_pages plan "$OUT/plan.json" --users "$USERS" "${skip[@]}"

$BIN/gunicorn config.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
  --env DJANGO_SETTINGS_MODULE=config.settings.local --log-level warning &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done

BENCH_PLAN="$OUT/plan.json" $BIN/locust -f scale/locustfile.py --headless --only-summary \
  --users "$USERS" --spawn-rate "$USERS" --run-time "${SECONDS_RUN}s" \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/locust" >"$OUT/locust.log" 2>&1 || true
kill "$server" && wait "$server" 2>/dev/null || true
trap - EXIT

echo
echo "$PEOPLE people (seed $SEED), $USERS users for ${SECONDS_RUN}s, think time ${BENCH_THINK}s, $(nproc) cores, $(date +%F)${BENCH_SKIP:+, without: $BENCH_SKIP}:"
echo
$MANAGE bench_pages report "$OUT/plan.json" --locust-csv "$OUT/locust_stats.csv"
echo
echo "Locust's own log: $OUT/locust.log. The private servers keep running: $BIN/python -m config.devservices stop (with KEYWORKING_VAR_DIR=$KEYWORKING_VAR_DIR) stops them."
