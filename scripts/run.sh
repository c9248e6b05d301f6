#!/usr/bin/env bash
# Serve the demo: migrate, load demo data, then the web server, a Celery worker and beat.
# Ctrl-C stops every process started here; data stays under var/ for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.local
PORT="${PORT:-8000}"
BIN=.venv/bin

$BIN/python manage.py migrate --no-input
$BIN/python manage.py load_demo

pids=()
stop_all() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Stopped. Data is kept under var/ for the next run."
}
trap stop_all INT TERM EXIT

$BIN/celery -A config worker --loglevel=WARNING --concurrency=2 &
pids+=($!)
mkdir -p var/celery
$BIN/celery -A config beat --loglevel=WARNING --schedule=var/celery/beat-schedule &
pids+=($!)
$BIN/gunicorn config.wsgi:application --bind "127.0.0.1:${PORT}" --workers 2 --threads 4 \
  --env DJANGO_SETTINGS_MODULE=config.settings.local --access-logfile - &
pids+=($!)

cat <<INFO

  Keyworking is running on http://127.0.0.1:${PORT}/

  Sign in as any demo user, for example dsr_holder.thurrock, keyworker.newham,
  keyworker.nel or commissioner.set, with the password: demo-keyworking-2026
  Add this key to an authenticator app for the security code: H5WCXGQ5I7UMAW4S6OTB47KMFCU3AXYT
  (or print the current code with: .venv/bin/python manage.py demo_code)

  Press Ctrl-C to stop.

INFO
wait -n "${pids[@]}"
