"""Study pages: choose a quiz, answer one question per page, see feedback and the score."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..bank.spec import Bank, QuestionSpec
from ..bank.webapp import current_bank
from ..clock import now
from ..database import reads_first, write_transaction
from ..extensions import db
from ..grading import MAX_ANSWER_LENGTH
from ..models import Quiz
from ..qtypes import get_type
from . import operations as ops
from .answering import AskAgain, Moved, Recorded, Refused, submit
from .forms import AnswerProblem, RetryForm, StudyForm
from .modes import listed_modes, mode_label
from .policy import quiz_rules
from .results import back_again, row, sources, summarise
from .scoring import progress

bp = Blueprint("study", __name__, template_folder="templates")


def own_quiz_or_404(quiz_id: int) -> Quiz:
    """The current student's quiz ``quiz_id``; 404 for anyone else's."""
    return ops.quiz_or_404(current_user.id, quiz_id)


@bp.route("/study", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    """Choose topics and length and start; resume an unfinished quiz."""
    bank = current_bank()
    form = StudyForm.for_bank(bank)
    if form.validate_on_submit():
        try:
            quiz = ops.start_quiz(
                current_user.id,
                form.mode.data,
                form.topics.data,
                form.question_count,
                bank,
                now(),
                start_token=form.start_token.data,
            )
        except ops.NothingToAsk as exc:
            flash(str(exc), "warning")
        else:
            quiz_id = quiz.id  # read before the commit expires it (no reload after)
            db.session.commit()
            return redirect(url_for(".quiz", quiz_id=quiz_id))
    return render_template(
        "study/index.html",
        form=form,
        bank=bank,
        modes=listed_modes(),
        unfinished=ops.unfinished_quizzes(current_user.id),
        mode_label=mode_label,
        now=now(),
    )


def render_question(
    quiz: Quiz,
    spec: QuestionSpec,
    answer: object = None,
    problem: AnswerProblem | None = None,
) -> tuple[str, int]:
    """The page asking the current question (again, with ``problem``, after a bad answer).

    Its hidden fields (CSRF token, slot) are plain inputs: rendering them through an
    ``AnswerForm`` cost about a sixth of the page's time.
    """
    where = progress(quiz.question_ids, quiz.position)  # attempts are read only for a re-ask
    page = render_template(
        "study/question.html",
        quiz=quiz,
        rules=quiz_rules(quiz, now()),
        spec=spec,
        qtype=get_type(spec.type),
        display=ops.question_display(quiz, quiz.position, spec),
        given=answer,
        error=problem.message if problem else None,
        mode_label=mode_label(quiz.mode),
        progress=where,
        back_again=back_again(quiz, quiz.position, now()) if where.reask else None,
        topic=current_bank().topics.get(spec.topic),
        max_answer_length=MAX_ANSWER_LENGTH,
    )
    return page, problem.status if problem else 200


def _skip_note(skipped: list[str]) -> None:
    if skipped:
        flash(f"Skipped {len(skipped)} question(s) that are no longer in the bank.", "info")


@bp.get("/quiz/<int:quiz_id>")
@login_required
def quiz(quiz_id: int) -> Response | tuple[str, int]:
    """The question to answer now; the end page once the quiz is finished."""
    quiz = own_quiz_or_404(quiz_id)
    bank = current_bank()
    if ops.needs_preparing(quiz, bank):
        with write_transaction():
            _skip_note(ops.prepare_question(quiz, bank, now()))
    if quiz.finished:
        return redirect(url_for(".results", quiz_id=quiz.id))
    return render_question(quiz, bank.questions[quiz.question_ids[quiz.position]])


@bp.post("/quiz/<int:quiz_id>")
@reads_first
@login_required
def answer(quiz_id: int) -> Response | tuple[str, int]:
    """Grade and record an answer, then show its feedback (a re-sent form records nothing)."""
    marking = current_user.confidence_marking
    match submit(quiz_id, current_user.id, request.form, now(), confidence_marking=marking):
        case Recorded(position):
            return redirect(url_for(".feedback", quiz_id=quiz_id, position=position))
        case AskAgain(quiz, spec, given, problem):
            return render_question(quiz, spec, given, problem)
        case Moved(skipped):
            _skip_note(list(skipped))
            return redirect(url_for(".quiz", quiz_id=quiz_id))
        case Refused(status):
            abort(status)


@bp.get("/quiz/<int:quiz_id>/answers/<int:position>")
@login_required
def feedback(quiz_id: int, position: int) -> str | Response:
    """Right, wrong or partly right; the right answer, the explanation and the sources (for a
    test before its due date only "Answer saved" and on to the next question)."""
    quiz = own_quiz_or_404(quiz_id)
    if not 0 <= position < quiz.length:
        abort(404)
    if not quiz_rules(quiz, now()).show_feedback:  # a test: answers are shown after the due date
        if ops.attempt_at(quiz, position) is None:
            abort(404)
        flash("Answer saved.", "success")
        return redirect(url_for(".quiz", quiz_id=quiz.id))
    bank: Bank = current_bank()
    shown = row(quiz, position, bank)
    if shown.attempt is None:
        abort(404)
    return render_template(
        "study/feedback.html",
        quiz=quiz,
        row=shown,
        sources=sources(shown.spec, bank) if shown.spec else [],
        mode_label=mode_label(quiz.mode),
        progress=progress(quiz.question_ids, position),
    )


@bp.get("/quiz/<int:quiz_id>/results")
@login_required
def results(quiz_id: int) -> str | Response:
    """Points, percentage, time taken, every answer beside the right one; retry the misses."""
    quiz = own_quiz_or_404(quiz_id)
    if not quiz.finished:
        return redirect(url_for(".quiz", quiz_id=quiz.id))
    rules = quiz_rules(quiz, now())
    if not rules.show_feedback:
        return render_template("study/results_hidden.html", quiz=quiz, rules=rules)
    summary = summarise(quiz, current_bank())
    return render_template(
        "study/results.html",
        quiz=quiz,
        summary=summary,
        form=RetryForm.fresh(),
        mode_label=mode_label(quiz.mode),
    )


@bp.post("/quiz/<int:quiz_id>/retry")
@login_required
def retry(quiz_id: int) -> Response:
    """Start a new quiz of just the questions missed in this one."""
    quiz = own_quiz_or_404(quiz_id)
    form = RetryForm()
    if not quiz_rules(quiz, now()).show_feedback:  # which were missed is not told before due
        return redirect(url_for(".results", quiz_id=quiz.id))
    if form.validate_on_submit() and quiz.finished:
        retried = ops.retry_missed(quiz, current_bank(), now(), form.start_token.data)
        if retried is not None:
            retried_id = retried.id
            db.session.commit()
            return redirect(url_for(".quiz", quiz_id=retried_id))
        flash("There is nothing to retry: no missed question is still in the bank.", "info")
    return redirect(url_for(".results", quiz_id=quiz.id))


@bp.post("/quiz/<int:quiz_id>/discard")
@login_required
def discard(quiz_id: int) -> Response:
    """Take an unfinished quiz off the Study page (answered ones stay in History).

    A try at an assignment is not discarded: its answers count, so it is handed in from the
    quiz page instead.
    """
    quiz = own_quiz_or_404(quiz_id)
    if quiz.assignment_id is not None:
        flash("A try at an assignment is handed in from its quiz page, not discarded.", "info")
        return redirect(url_for(".quiz", quiz_id=quiz.id))
    if FlaskForm().validate_on_submit() and not quiz.finished:
        answered = len({a.question_id for a in quiz.attempts})
        ops.discard_quiz(quiz, now())
        db.session.commit()
        kept = f": its {answered} answer{'s' if answered != 1 else ''} stay in your history"
        flash(f"Quiz discarded{kept if answered else ''}.", "success")
    return redirect(url_for(".index"))


@bp.post("/quiz/<int:quiz_id>/end")
@login_required
def end(quiz_id: int) -> Response:
    """Stop early: the end page scores the questions answered so far."""
    quiz = own_quiz_or_404(quiz_id)
    if FlaskForm().validate_on_submit():
        ops.finish_quiz(quiz, now())
        db.session.commit()
    return redirect(url_for(".results", quiz_id=quiz_id))
