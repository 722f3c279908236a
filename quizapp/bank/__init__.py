"""The question bank: YAML files -> validated, immutable question specs (pure: no Flask, no db).

Entry points: ``bank.validate.load_bank`` and ``load_file``; values in ``bank.spec``.
"""
