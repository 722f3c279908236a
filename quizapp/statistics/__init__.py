"""The database side of the teacher's statistics: aggregates kept as answers are written, and
figures over many students cached with their age (the arithmetic is ``quizapp.analytics``)."""
