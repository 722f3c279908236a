"""WSGI entry point of the bench app: ``gunicorn bench.wsgi_bench:app`` (``bench/load.py``).

The application ``make run`` serves, plus the floor pages under ``/_bench/``
(``bench/loadkit/floorpages.py``) that the benchmark compares the quiz pages with.
"""

from bench.loadkit.floorpages import create_bench_app

app = create_bench_app()
