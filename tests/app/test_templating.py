"""The filters and layout globals are the application's, not a blueprint's."""

from __future__ import annotations

from flask import Flask, render_template_string

from quizapp import templating
from quizapp.presentation import FILTERS


def test_init_app_alone_gives_every_filter() -> None:
    app = Flask(__name__)  # no blueprint registered at all
    templating.init_app(app)
    assert set(FILTERS) <= set(app.jinja_env.filters)
    assert set(templating.GLOBALS) <= set(app.jinja_env.globals)
    source = (
        "{{ 0.5|percent }} {{ none|percent }} {{ '*a* <script>'|markdown }}"
        " {{ 'b'|markdown_inline }} {{ 65000|duration }} {{ none|when }}"
    )
    with app.test_request_context():
        page = render_template_string(source)
    assert page == "50% — <p><em>a</em> &lt;script&gt;</p> b 1 min 05 s —"


def test_create_app_registers_the_presentation_filters(app: Flask) -> None:
    for name, function in FILTERS.items():
        assert app.jinja_env.filters[name] is function


def test_no_blueprint_registers_app_wide_template_names(app: Flask) -> None:
    """Every app-wide filter and global has one home, ``templating``; none is a blueprint's."""
    for blueprint in app.blueprints.values():
        assert not blueprint.deferred_functions or all(
            "template" not in getattr(f, "__qualname__", "") for f in blueprint.deferred_functions
        ), blueprint.name
    assert app.jinja_env.globals["review_counts"] is templating.review_counts
    assert app.jinja_env.filters["mode_label"]("topics") == "New quiz"
