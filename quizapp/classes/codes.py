"""Class join codes (pure): made to be read aloud and typed without mistakes.

A code is 8 characters from 21 that cannot be taken for one another, on screen or spoken:
no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V. It is shown in two groups (``KXMT-47RA``) and
read back case-insensitively, with spaces, dashes and dots ignored. 21**8 (about 3.8e10)
codes make guessing one hopeless.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

ALPHABET = "ACDEFHJKMNPRTWXY34679"
CODE_LENGTH = 8
GROUP = 4
_IGNORED = str.maketrans("", "", " -.\t")

_SPOKEN = {
    "A": "Alfa", "C": "Charlie", "D": "Delta", "E": "Echo", "F": "Foxtrot", "H": "Hotel",
    "J": "Juliett", "K": "Kilo", "M": "Mike", "N": "November", "P": "Papa", "R": "Romeo",
    "T": "Tango", "W": "Whiskey", "X": "X-ray", "Y": "Yankee", "3": "three", "4": "four",
    "6": "six", "7": "seven", "9": "nine",
}  # fmt: skip


@dataclass(frozen=True)
class CodeProblem:
    """Why typed text cannot be a class code, said so a student can fix it."""

    message: str


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A fresh random code, stored as 8 characters without the dash."""
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def read_code(text: str) -> str | CodeProblem:
    """The code a student typed, normalised (``kxmt 47ra`` -> ``KXMT47RA``), or the problem."""
    code = (text or "").upper().translate(_IGNORED)
    if not code:
        return CodeProblem("Enter the class code your teacher gave you, e.g. KXMT-47RA.")
    if len(code) > 4 * CODE_LENGTH:
        return CodeProblem(f"A class code has {CODE_LENGTH} characters, like KXMT-47RA.")
    strange = sorted({ch for ch in code if ch not in ALPHABET})
    if strange:
        shown = ", ".join(repr(ch) for ch in strange[:5])
        return CodeProblem(
            f"Class codes never contain {shown}. They use only the letters and digits"
            f" {' '.join(ALPHABET)}; check the code with your teacher."
        )
    if len(code) != CODE_LENGTH:
        return CodeProblem(
            f"A class code has {CODE_LENGTH} characters, like KXMT-47RA; you typed {len(code)}."
        )
    return code


def show_code(code: str) -> str:
    """The code as pages show it: two groups of four, ``KXMT-47RA``."""
    return f"{code[:GROUP]}-{code[GROUP:]}"


def spoken(code: str) -> str:
    """The code as a teacher reads it out: ``Kilo X-ray Mike Tango, four seven Romeo Alfa``."""
    words = [_SPOKEN.get(ch, ch) for ch in code]
    return f"{' '.join(words[:GROUP])}, {' '.join(words[GROUP:])}"
