"""Runs the HTTP scenario tests on one engine: python3 tests/http/run.py sqlite|postgres."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
if len(sys.argv) > 1:
    os.environ["JIANBAO_TEST_DB"] = sys.argv[1]

import harness  # noqa: E402

suite = unittest.defaultTestLoader.discover(os.path.dirname(__file__), pattern="test_*.py")
try:
    result = unittest.TextTestRunner(verbosity=2).run(suite)
finally:
    harness.stop_postgres()
sys.exit(0 if result.wasSuccessful() else 1)
