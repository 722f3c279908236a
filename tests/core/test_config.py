"""Configuration precedence and the persistent secret key."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quizapp import create_app


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for var in (
        "QUIZAPP_DATABASE_URL",
        "QUIZAPP_SECRET_KEY",
        "QUIZAPP_QUESTIONS_DIR",
        "QUIZAPP_SECURE_COOKIES",
        "QUIZAPP_INSTANCE_PATH",
    ):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


def test_defaults_live_in_the_instance_folder(tmp_path: Path, clean_env) -> None:
    app = create_app(instance_path=str(tmp_path / "instance"))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/instance/quizapp.sqlite"
    assert app.config["QUESTIONS_DIR"] == str(tmp_path / "questions")
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SESSION_COOKIE_SECURE"] is False
    assert app.config["MAX_CONTENT_LENGTH"] > 0
    assert app.config["PASSWORD_HASH_METHOD"] == "scrypt"  # tests set a cheap one


def test_instance_config_overrides_defaults_and_env_overrides_both(
    tmp_path: Path, clean_env
) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text(
        "QUESTIONS_DIR = '/from/instance'\n"
        "SQLALCHEMY_DATABASE_URI = 'sqlite:///' + '/tmp/inst.db'\n"
    )
    app = create_app(instance_path=str(instance))
    assert app.config["QUESTIONS_DIR"] == "/from/instance"
    clean_env.setenv("QUIZAPP_QUESTIONS_DIR", "/from/env")
    clean_env.setenv("QUIZAPP_DATABASE_URL", f"sqlite:///{tmp_path}/env.db")
    clean_env.setenv("QUIZAPP_SECURE_COOKIES", "true")
    app = create_app(instance_path=str(instance))
    assert app.config["QUESTIONS_DIR"] == "/from/env"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/env.db"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    app = create_app({"QUESTIONS_DIR": "/from/test"}, instance_path=str(instance))
    assert app.config["QUESTIONS_DIR"] == "/from/test"


def test_secret_key_is_generated_once_with_mode_0600_and_reused(tmp_path: Path, clean_env) -> None:
    instance = tmp_path / "instance"
    first = create_app(instance_path=str(instance)).config["SECRET_KEY"]
    key_file = instance / "secret_key"
    assert key_file.read_text().strip() == first
    assert len(first) >= 32
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert create_app(instance_path=str(instance)).config["SECRET_KEY"] == first
    assert [p.name for p in instance.iterdir() if p.name.startswith(".secret_key")] == []


def test_secret_key_from_env_wins_and_writes_no_file(tmp_path: Path, clean_env) -> None:
    clean_env.setenv("QUIZAPP_SECRET_KEY", "from-env")
    app = create_app(instance_path=str(tmp_path / "instance"))
    assert app.config["SECRET_KEY"] == "from-env"
    assert not (tmp_path / "instance" / "secret_key").exists()


def test_wsgi_module_exposes_app(tmp_path: Path, clean_env) -> None:
    clean_env.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    import importlib

    import wsgi

    importlib.reload(wsgi)
    assert wsgi.app.name == "quizapp"
    assert wsgi.app.instance_path == str(tmp_path / "instance")
