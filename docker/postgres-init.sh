#!/usr/bin/env bash
# Runs once when the postgres container first creates its data: the two roles Keyworking needs.
# keyworking_owner owns the tables and runs migrations; keyworking_app is what the application
# connects as: it owns nothing and cannot bypass row-level security.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE keyworking_owner LOGIN PASSWORD '${KEYWORKING_OWNER_PASSWORD}';
CREATE ROLE keyworking_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${KEYWORKING_APP_PASSWORD}';
CREATE DATABASE keyworking OWNER keyworking_owner;
SQL
