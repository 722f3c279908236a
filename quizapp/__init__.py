"""quizapp: quizzes and flashcards over a YAML question bank, with FSRS spaced repetition."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask


def create_app(
    test_config: dict[str, Any] | None = None, instance_path: str | None = None
) -> Flask:
    """Build the application: config, database, accounts, pages, commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        instance_path=instance_path or os.environ.get("QUIZAPP_INSTANCE_PATH") or None,
    )
    os.makedirs(app.instance_path, exist_ok=True)
    configure_config(app, test_config)
    configure_extensions(app)
    configure_blueprints(app)
    configure_templates(app)
    configure_cli(app)
    return app


def configure_config(app: Flask, test_config: dict[str, Any] | None) -> None:
    from .config import load_config

    load_config(app, test_config)


def configure_extensions(app: Flask) -> None:
    from . import assets, database, errors, security
    from .bank import webapp as bank_webapp
    from .extensions import compress, csrf, login_manager

    database.init_app(app)
    assets.init_app(app)
    compress.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    login_manager.login_message_category = "info"
    errors.init_app(app)
    security.init_app(app)
    bank_webapp.init_app(app)


def configure_blueprints(app: Flask) -> None:
    from . import (
        account,
        admin,
        articles,
        assignments,
        auth,
        exams,
        flashcards,
        history,
        main,
        settings,
        srs,
        study,
        teacher,
    )
    from .classes import teacher_views, views

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(account.bp)
    app.register_blueprint(study.bp)
    app.register_blueprint(srs.bp)
    app.register_blueprint(flashcards.bp)
    app.register_blueprint(settings.bp)
    app.register_blueprint(history.bp)
    app.register_blueprint(teacher.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(exams.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(teacher_views.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(assignments.bp)


def configure_templates(app: Flask) -> None:
    from . import templating

    templating.init_app(app)


def configure_cli(app: Flask) -> None:
    from .cli import bank, stats, users

    app.cli.add_command(users.users)
    app.cli.add_command(bank.bank)
    app.cli.add_command(stats.stats)
