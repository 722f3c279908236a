"""Simulated students: register, start quizzes, read question pages, answer them.

Every request is recorded in the student's own :class:`Recorder` under an endpoint name
(``quiz page``, ``answer``, ...). An answer counts as *accepted* only when the server
redirects to its feedback page; that is the number the database must match afterwards.
"""

from __future__ import annotations

import re
import time
from collections import deque

from .http import ConnectionLost, HttpClient, Response
from .pages import answer_fields, csrf_token, hidden, parse_form
from .stats import Recorder

PASSWORD = "load-test-password"
QUIZ_URL = re.compile(r"^/quiz/(\d+)$")


class UnexpectedResponse(Exception):
    """The server answered in a way a student cannot carry on from."""


class Student:
    """One student with one keep-alive connection, answering quizzes of ``quiz_length``."""

    def __init__(self, port: int, username: str, quiz_length: str = "10") -> None:
        self.username = username
        self.quiz_length = quiz_length
        self.http = HttpClient(port)
        self.rec = Recorder()
        self.csrf = ""
        self.topics: list[str] = []
        self.quiz_id: int | None = None
        self.ready_quizzes: deque[int] = deque()
        self.answer_cache: dict[str, list[tuple[str, str]]] = {}
        self.accepted_total = 0
        """Answers accepted over the student's whole life (recorders are reset per phase)."""

    def _call(self, endpoint: str, method: str, path: str, form=None) -> Response:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            response = self.http.get(path) if method == "GET" else self.http.post(path, form)
        except ConnectionLost as exc:
            self.rec.outcomes["lost in flight" if exc.sent else "not sent"] += 1
            if endpoint == "answer" and exc.sent:
                self.rec.outcomes["answers lost in flight"] += 1
            raise
        self.rec.record(endpoint, started, response.status)
        return response

    def _expect(self, response: Response, status: int, what: str) -> Response:
        if response.status != status:
            raise UnexpectedResponse(f"{self.username}: {what} gave {response.status}")
        return response

    def register(self) -> None:
        """Create the account through the real form (it logs the student in) and read /study."""
        page = self._expect(self._call("register", "GET", "/auth/register"), 200, "register page")
        data = {"csrf_token": csrf_token(page.text), "username": self.username}
        data.update(password=PASSWORD, confirm=PASSWORD)
        self._expect(self._call("register", "POST", "/auth/register", data), 302, "registering")
        study = self._expect(self._call("study page", "GET", "/study"), 200, "study page")
        form = parse_form(study.text, "study-form")
        self.csrf = hidden(form, "csrf_token")
        self.topics = form.choices.get("topics", [])

    def start_quiz(self) -> int:
        """Start a new quiz on every topic; its id."""
        data = [("csrf_token", self.csrf), ("mode", "topics"), ("length", self.quiz_length)]
        data += [("topics", topic) for topic in self.topics]
        response = self._call("start quiz", "POST", "/study", data)
        match = QUIZ_URL.match(response.location) if response.status == 302 else None
        if match is None:
            raise UnexpectedResponse(f"{self.username}: starting a quiz gave {response.status}")
        return int(match.group(1))

    def next_quiz(self) -> int:
        """A quiz to answer: one started ahead of time if there is one, else a new one."""
        self.quiz_id = self.ready_quizzes.popleft() if self.ready_quizzes else self.start_quiz()
        return self.quiz_id

    def answer_from_page(self, feedback: bool = True) -> None:
        """Read the current question's page, answer it, and read the feedback.

        The answer uses the CSRF token and fields of the page itself, the way a browser does.
        """
        quiz_id = self.quiz_id or self.next_quiz()
        page = self._call("quiz page", "GET", f"/quiz/{quiz_id}")
        if page.status == 302 and page.location.endswith("/results"):
            self.quiz_id = None  # finished: the next call starts another quiz
            return
        self._expect(page, 200, "quiz page")
        form = parse_form(page.text, "answer-form")
        fields = answer_fields(form)
        self.answer_cache.setdefault(hidden(form, "question_id"), fields)
        response = self._call("answer", "POST", f"/quiz/{quiz_id}", form.hidden + fields)
        self._count_answer(response)
        if feedback and "/answers/" in response.location:
            self._call("feedback", "GET", response.location)

    def post_answer(self, quiz_id: int, position: int, question_id: str) -> bool:
        """Answer slot ``position`` straight away (the benchmark's answer phase); True if taken.

        The fields come from an earlier page of the same question (``answer_cache``).
        """
        fields = [("csrf_token", self.csrf), ("position", str(position))]
        fields += [("question_id", question_id), *self.answer_cache[question_id]]
        return self._count_answer(self._call("answer", "POST", f"/quiz/{quiz_id}", fields))

    def _count_answer(self, response: Response) -> bool:
        if response.status == 302 and "/answers/" in response.location:
            self.rec.outcomes["accepted"] += 1
            self.accepted_total += 1
            return True
        self.rec.outcomes[f"answer {response.status}"] += 1
        return False

    def reconnect(self, port: int) -> None:
        """Talk to a (restarted) server on ``port`` from now on, keeping the login cookie."""
        self.http.close()
        self.http.port = port

    def close(self) -> None:
        """Close the connection."""
        self.http.close()
