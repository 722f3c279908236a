"""The articles' pages: the list of sources (per topic) and the reader.

``/sources/`` lists every article the bank cites (``?topic=KEY``: those a topic's questions
cite); ``/sources/<source_id>`` shows one article's title, author, date and link, and its text
when the file is in the articles folder, with ``?question=ID``'s evidence marked.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import login_required

from ..bank.articles import article_path, read_article
from ..bank.spec import Bank, Source
from ..bank.webapp import current_bank, served_question
from .reader import paragraphs, spans_for

bp = Blueprint("articles", __name__, url_prefix="/sources", template_folder="templates")


def articles_dir() -> str:
    """The configured articles folder (``ARTICLES_DIR``)."""
    return str(current_app.config["ARTICLES_DIR"])


def article_available(source: Source) -> bool:
    """Whether ``source``'s text can be read here (a template global: links only then)."""
    return article_path(articles_dir(), source) is not None


def cited_by_topic(bank: Bank, topic: str) -> list[Source]:
    """The sources a topic's questions cite, in ``sources.yaml`` order."""
    cited = {s for q in bank.topics[topic].questions for s in q.sources}
    return [source for sid, source in bank.sources.items() if sid in cited]


@bp.get("/")
@login_required
def index() -> str:
    """Every article the bank cites, or (``?topic=``) those one topic's questions cite."""
    bank = current_bank()
    topic = request.args.get("topic", "")
    if topic and topic not in bank.topics:
        abort(404)
    sources = cited_by_topic(bank, topic) if topic else list(bank.sources.values())
    title = bank.topics[topic].title if topic else None
    return render_template("articles/index.html", sources=sources, topic_title=title)


@bp.get("/<source_id>")
@login_required
def source(source_id: str) -> str:
    """One article: its details, and its text with ``?question=``'s evidence marked."""
    found = current_bank().sources.get(source_id)
    if found is None:
        abort(404)
    spec = served_question(request.args.get("question", ""))
    if spec is not None and source_id not in spec.sources:
        spec = None
    text = read_article(articles_dir(), found)
    spans = spans_for(spec, source_id)
    shown = paragraphs(text, spans) if text is not None else None
    return render_template(
        "articles/source.html", source=found, paragraphs=shown, question=spec, marked=bool(spans)
    )
