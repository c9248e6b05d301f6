"""Production settings pass Django's deployment checks; the compose stack runs real commands."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)


def test_production_settings_pass_check_deploy_with_no_warnings():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "keyworking.example.nhs.uk",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    environment.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_production_like_services():
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(_compose()["services"])


def test_every_compose_command_exists_in_the_project():
    for name, service in _compose()["services"].items():
        command = service.get("command")
        if name in {"postgres", "redis"} or command is None:
            continue
        if command[0] == "gunicorn":
            module, _, attribute = command[1].partition(":")
            assert (ROOT / (module.replace(".", "/") + ".py")).read_text().count(f"{attribute} =") == 1, name
        elif command[0] == "celery":
            assert command[1:3] == ["-A", "config"]
            assert (ROOT / "config" / "celery.py").exists()
            assert command[3] in {"worker", "beat"}, name
        elif command[:2] == ["python", "manage.py"]:
            assert command[2] in get_commands(), name
        else:
            raise AssertionError(f"{name}: unknown command {command}")


def test_the_postgres_init_script_creates_both_roles():
    script = (ROOT / "docker" / "postgres-init.sh").read_text()
    assert "CREATE ROLE keyworking_owner" in script
    assert "CREATE ROLE keyworking_app LOGIN NOSUPERUSER NOBYPASSRLS" in script
