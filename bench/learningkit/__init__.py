"""The parts of ``bench/learning.py``: simulated students studying with the app's own code.

``memory``: the students' hidden memory (two models); ``students``: who they are, how long they
take, what they answer; ``app``: the app's own paths (start a quiz, answer, read the cards);
``baselines``: a random daily quiz and Leitner boxes; ``report``: the figures and their goals.
"""
