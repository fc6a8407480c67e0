"""The README's "From Python" examples run, and print what the README shows."""

import contextlib
import io
import os
import re
import textwrap

from conftest import SOURCE_DIR


def from_python_blocks():
    readme = (SOURCE_DIR / "README.md").read_text()
    section = readme.split("## From Python", 1)[1].split("\n## ", 1)[0]
    return [(lang, textwrap.dedent(code)) for lang, code in re.findall(r"```(\w+)\n(.*?)\s*```", section, re.S)]


def run(code):
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(SOURCE_DIR)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    return out.getvalue()


def test_the_three_line_example_prints_what_the_readme_shows():
    blocks = from_python_blocks()
    (lang, code), (out_lang, shown) = blocks[0], blocks[1]
    assert (lang, out_lang) == ("python", "text")
    assert run(code).strip() == shown.strip()


def test_the_model_example_runs():
    code = [c for lang, c in from_python_blocks() if lang == "python" and "chokepoint.model(" in c]
    assert code
    run("import chokepoint\n" + code[0] + "\nassert isinstance(f(), dict)\n")


def test_the_analysis_example_runs():
    code = [c for lang, c in from_python_blocks() if lang == "python" and "s.attribute(" in c]
    assert code
    setup = "import chokepoint\ns = chokepoint.load('scenarios/baseline.json')\n"
    run(setup + code[0] + "\nassert a['contribution'].sum() != 0 and len(a) >= 2\n")
