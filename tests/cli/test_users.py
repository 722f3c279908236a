"""``flask users create|promote|list``."""

from __future__ import annotations

from flask import Flask

from tests.conftest import PASSWORD, get_user


def test_create_student_and_teacher_from_stdin(app: Flask, runner) -> None:
    result = runner.invoke(args=["users", "create", "Alice"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Created student alice." in result.output
    result = runner.invoke(args=["users", "create", "bob", "--teacher"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert get_user(app, "bob").role == "teacher"
    assert get_user(app, "alice").check_password(PASSWORD)


def test_create_rejects_bad_input(runner, student) -> None:
    result = runner.invoke(args=["users", "create", "shorty"], input="short\n")
    assert result.exit_code == 1
    assert "at least 10 characters" in result.output
    result = runner.invoke(args=["users", "create", "STUDENT1"], input=PASSWORD + "\n")
    assert result.exit_code == 1
    assert "taken" in result.output


def test_promote_and_list(app: Flask, runner, student) -> None:
    result = runner.invoke(args=["users", "promote", "student1"])
    assert result.exit_code == 0, result.output
    assert get_user(app, "student1").role == "teacher"
    assert runner.invoke(args=["users", "promote", "nobody"]).exit_code == 1
    listing = runner.invoke(args=["users", "list"]).output
    assert "student1\tteacher" in listing


def test_create_an_admin_promote_and_demote(app: Flask, runner, student) -> None:
    result = runner.invoke(args=["users", "create", "head", "--admin"], input=PASSWORD + "\n")
    assert result.exit_code == 0 and "Created admin head." in result.output
    assert get_user(app, "head").is_admin
    result = runner.invoke(args=["users", "promote", "student1", "--admin"])
    assert "student1 is now an admin." in result.output
    result = runner.invoke(args=["users", "demote", "student1"])
    assert result.exit_code == 0 and "student1 is now a student." in result.output
    assert get_user(app, "student1").role == "student"
    assert runner.invoke(args=["users", "demote", "nobody"]).exit_code == 1
