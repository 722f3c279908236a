"""A teacher creates a class and a student joins it with the code, both in Chromium."""

from __future__ import annotations

from .conftest import TEACHER
from .pages import Page, expect, login_by_mouse, nav, register_by_mouse

NARROW = {"width": 375, "height": 800}


def fits(page: Page) -> None:
    """The page has no sideways scroll at its current width (375 px here)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px too wide"


def test_teacher_creates_a_class_and_a_student_joins_by_code(new_page) -> None:
    teacher = new_page()
    login_by_mouse(teacher, *TEACHER)
    nav(teacher, "Teacher")
    teacher.get_by_role("link", name="New class").click()
    teacher.get_by_label("Class name").fill("Year 10 economics")
    teacher.get_by_label("Time zone").select_option("Europe/Paris")
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name="Year 10 economics")).to_be_visible()
    code = teacher.locator(".join-code code").inner_text()
    assert len(code) == 9 and code[4] == "-"

    student = new_page()
    student.set_viewport_size(NARROW)
    register_by_mouse(student, "nadia", "a long student password")
    nav(student, "Classes")
    student.get_by_label("Class code").fill("ACDE-FHJK")  # a forged code
    student.get_by_role("button", name="Join").click()
    expect(student.locator("p.error")).to_contain_text("No class has the code ACDE-FHJK")
    student.get_by_label("Class code").fill(code.lower().replace("-", " "))
    student.get_by_role("button", name="Join").click()
    expect(student.locator(".flash")).to_have_text("You joined Year 10 economics.")
    expect(student.locator(".resume-list")).to_contain_text("Year 10 economics")
    fits(student)

    teacher.set_viewport_size(NARROW)
    teacher.reload()
    expect(teacher.get_by_role("heading", name="Students (1)")).to_be_visible()
    expect(teacher.get_by_role("link", name="nadia")).to_be_visible()
    fits(teacher)
    for url in ("/teacher/", "/teacher/classes", "/teacher/students"):
        teacher.goto(url)
        fits(teacher)
    teacher.get_by_role("link", name="nadia").click()
    expect(teacher.get_by_role("heading", name="History of nadia")).to_be_visible()


def test_long_class_and_student_names_fit_a_phone(new_page) -> None:
    """An 80-character class name and a 32-character username, neither with a space to break
    at: the class pages, the class lists and the roster stay within 375 px (a table scrolls
    alone, a heading wraps)."""
    name = "Y10" + "Economics" * 8 + "B" * 5  # NAME_LENGTH, 80
    username = "student_with_a_long_name_2026_ab"  # 32, the most a username may have
    teacher = new_page()
    teacher.set_viewport_size(NARROW)
    login_by_mouse(teacher, *TEACHER)
    teacher.goto("/teacher/classes")
    teacher.get_by_label("Class name").fill(name)
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name=name)).to_be_visible()
    code = teacher.locator(".join-code code").inner_text()
    fits(teacher)
    teacher.goto("/teacher/classes")  # a second class: the overview lists the classes
    teacher.get_by_label("Class name").fill("Short set")
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name="Short set")).to_be_visible()

    student = new_page()
    student.set_viewport_size(NARROW)
    register_by_mouse(student, username, "a long student password")
    nav(student, "Classes")
    student.get_by_label("Class code").fill(code)
    student.get_by_role("button", name="Join").click()
    expect(student.locator(".flash")).to_have_text(f"You joined {name}.")
    fits(student)

    teacher.goto("/teacher/students")
    expect(teacher.get_by_role("navigation", name="Classes")).to_contain_text(name)
    expect(teacher.get_by_role("link", name=username)).to_be_visible()
    fits(teacher)
    teacher.get_by_role("navigation", name="Classes").get_by_role("link", name=name).click()
    fits(teacher)
    teacher.goto("/teacher/")
    fits(teacher)
    teacher.goto("/teacher/classes")
    fits(teacher)
    teacher.get_by_role("link", name=name).click()  # the class's page, with its roster
    expect(teacher.get_by_role("heading", name="Students (1)")).to_be_visible()
    fits(teacher)
