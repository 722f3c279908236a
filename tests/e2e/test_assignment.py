"""A teacher assigns three questions to a class; a student of the class does them; the
teacher's gradebook shows the result, and it fits a 375 px screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text

from quizapp.bank.spec import Bank

from .conftest import TEACHER
from .pages import Page, answer_quiz, expect, login_by_mouse, nav, register_by_mouse
from .server import LiveServer

PASSWORD = "a long student password"
QUESTIONS = ["mensch-former-lab", "founded-year", "mistral-is-french"]


def add_class(server: LiveServer, student: str) -> None:
    """The class, made in the server's database (the class pages are another package's)."""
    engine = create_engine(server.server.database_url)
    with engine.begin() as conn:
        teacher_id = conn.execute(text("SELECT id FROM user WHERE username = :u"),
                                  {"u": TEACHER[0]}).scalar_one()  # fmt: skip
        student_id = conn.execute(text("SELECT id FROM user WHERE username = :u"),
                                  {"u": student}).scalar_one()  # fmt: skip
        now = datetime.now(UTC).replace(tzinfo=None)
        conn.execute(
            text("INSERT INTO classroom (name, time_zone, join_code, teacher_id, created_at)"
                 " VALUES ('Year 10', 'Europe/Paris', 'E2EYEAR10', :t, :now)"),
            {"t": teacher_id, "now": now},
        )  # fmt: skip
        conn.execute(
            text("INSERT INTO membership (classroom_id, user_id, joined_at)"
                 " SELECT id, :s, :now FROM classroom WHERE join_code = 'E2EYEAR10'"),
            {"s": student_id, "now": now},
        )  # fmt: skip
    engine.dispose()


def paris_input(moment: datetime) -> str:
    """A ``datetime-local`` value on the Paris clock."""
    return moment.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%dT%H:%M")


def test_student_takes_an_assignment(new_page, bank: Bank, live_server: LiveServer) -> None:
    student = new_page()
    register_by_mouse(student, "zoe", PASSWORD)
    add_class(live_server, "zoe")

    teacher: Page = new_page()
    login_by_mouse(teacher, *TEACHER)
    nav(teacher, "Teacher")
    teacher.get_by_role("link", name="Assignments").click()
    teacher.get_by_role("link", name="New assignment for Year 10").click()
    teacher.fill("input[name=title]", "Founders check")
    teacher.check("input[name=source][value=questions]")
    teacher.fill("textarea[name=question_ids]", "\n".join(QUESTIONS))
    now = datetime.now(UTC)
    teacher.fill("input[name=opens_at]", paris_input(now - timedelta(hours=1)))
    teacher.fill("input[name=due_at]", paris_input(now + timedelta(days=1)))
    teacher.get_by_role("button", name="Save").click()
    expect(teacher.get_by_role("heading", name="Founders check")).to_be_visible()
    expect(teacher.locator(".summary")).to_contain_text("Handed in: 0 of 1")

    student.goto("/")
    assigned = student.locator("section.assigned")
    expect(assigned).to_contain_text("Founders check")
    expect(assigned).to_contain_text("not started")
    assigned.get_by_role("link", name="Founders check").click()
    student.get_by_role("button", name="Start").click()
    asked = answer_quiz(student, bank, wrong={"founded-year"})
    assert asked == QUESTIONS  # the assignment's questions, in its order, none asked again
    expect(student.locator(".score-line")).to_contain_text("2 of 3")
    student.goto("/")
    expect(student.locator("section.assigned .status")).to_have_text("done")

    teacher.reload()
    expect(teacher.locator(".summary")).to_contain_text("Handed in: 1 of 1")
    expect(teacher.locator(".summary")).to_contain_text("67%")
    row = teacher.locator("table.grid tbody tr", has_text="zoe")
    expect(row.locator(".sr-only")).to_have_text(["right", "wrong", "right"])
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Download the gradebook (CSV)").click()
    assert "zoe,done" in download.value.path().read_text()

    teacher.set_viewport_size({"width": 375, "height": 800})
    wide = teacher.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"the gradebook scrolls sideways at 375 px ({wide} px)"
