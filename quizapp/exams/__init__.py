"""Exam dates of a class: the teacher's pages, the class's recall on exam day, a student's plan.

The scheduling rule is ``scheduling/exam.py`` (pure) and ``srs/exams.py`` (its database side).
"""

from .views import bp

__all__ = ["bp"]
