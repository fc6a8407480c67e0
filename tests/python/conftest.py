"""Shared by the Python tests: where the sources, the scenarios and the CLI binary are.

ctest runs these with PYTHONPATH pointing at the built package and CHOKEPOINT_CLI at the
built chokepoint-cli (tests/CMakeLists.txt)."""

import os
import pathlib
import subprocess
import threading

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("CHOKEPOINT_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BASELINE = str(SOURCE_DIR / "scenarios" / "baseline.json")


@pytest.fixture(scope="session")
def baseline():
    import chokepoint

    return chokepoint.load(BASELINE)


@pytest.fixture(scope="session")
def cli():
    """Runs chokepoint-cli; returns (exit code, stdout, stderr)."""
    binary = os.environ.get("CHOKEPOINT_CLI")
    if not binary:
        pytest.skip("CHOKEPOINT_CLI is not set (ctest sets it)")

    def run(*args):
        p = subprocess.run([binary, *args], capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr

    return run


def ticks_while(work):
    """Runs work() on another thread and counts how often this one gets to run Python
    meanwhile; returns (work's result, ticks). Holding the GIL throughout allows a handful."""
    done = threading.Event()
    result = {}

    def call():
        result["value"] = work()
        done.set()

    t = threading.Thread(target=call)
    ticks = 0
    t.start()
    while not done.is_set():
        ticks += 1
        done.wait(0.001)
    t.join()
    return result["value"], ticks
