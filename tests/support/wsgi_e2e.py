"""WSGI entry point of the browser tests' server: ``gunicorn tests.support.wsgi_e2e:app``.

The application ``make run`` serves, with a :class:`~tests.support.clock.FileClock` on the
file named by ``E2E_CLOCK_FILE``, so a test can move the running server's clock.
"""

import os

from quizapp import create_app
from tests.support.clock import CLOCK_FILE_VARIABLE, FileClock

app = create_app({"CLOCK": FileClock(os.environ[CLOCK_FILE_VARIABLE])})
