"""Classes: a teacher's classes with join codes, students joining and leaving, and the one
rule of who sees which class and student (``queries``).

The blueprints live in ``views`` (students: ``/classes``, ``/join/<code>``) and
``teacher_views`` (``/teacher/classes/...``); this package imports neither, so the teacher
pages can import ``queries`` without a cycle.
"""
