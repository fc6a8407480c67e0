#!/usr/bin/env python3
"""tools/i18n_texts.py against a fixture tree: it passes a complete catalogue and fails,
naming file, JSON pointer and English text, on each way a translation can be missing."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "..", "tools", "i18n_texts.py")
FIXTURE = os.path.join(HERE, "i18n_fixture")
PO = os.path.join("scenarios", "locale", "uk", "scenarios.po")


def run(root, *args):
    r = subprocess.run([sys.executable, TOOL, "--root", root, *args], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


class I18nTexts(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.root = os.path.join(self.tmp, "tree")
        shutil.copytree(FIXTURE, self.root)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit_po(self, old, new):
        path = os.path.join(self.root, PO)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def check(self):
        return run(self.root, "--check", "uk", "--domain", "scenarios")

    def assert_check_fails(self, *expected):
        rc, out = self.check()
        self.assertEqual(rc, 1, out)
        for text in expected:
            self.assertIn(text, out)

    def test_complete_catalogue_passes(self):
        rc, out = self.check()
        self.assertEqual(rc, 0, out)
        self.assertIn("all 8 texts", out)

    def test_extracts_shown_texts_only(self):
        rc, out = run(self.root, "--list", "--domain", "scenarios")
        self.assertEqual(rc, 0, out)
        pointers = [line.split("\t")[2] for line in out.splitlines()]
        self.assertEqual(sorted(pointers), sorted(["/name", "/description", "/blocs/0/name", "/levers/0/label",
                                                   "/levers/0/group", "/levers/0/help", "/events/0/label",
                                                   "/events/1/label"]))
        self.assertNotIn("Not shown to users", out)  # notes
        self.assertNotIn("S23", out)                 # sources

    def test_missing_translation_fails_naming_file_pointer_and_text(self):
        self.edit_po('msgstr "Правило увімкнено"', 'msgstr ""')
        self.assert_check_fails("scenarios/mini.json: /levers/0/label: no uk translation of 'Rule switched on'")

    def test_absent_entry_fails(self):
        self.edit_po('msgid "Oct 2022 controls"\nmsgstr "Контроль жовт. 2022"\n', "")
        self.assert_check_fails("/events/0/label: no uk translation of 'Oct 2022 controls'")

    def test_fuzzy_translation_counts_as_missing(self):
        self.edit_po('msgid "Fixture world"', '#, fuzzy\nmsgid "Fixture world"')
        self.assert_check_fails("/name: no uk translation of 'Fixture world'")

    def test_dropped_placeholder_fails(self):
        self.edit_po("не пропускає {count} чипів", "не пропускає чипів")
        self.assert_check_fails("/levers/0/help",
                                "placeholders")

    def test_missing_catalogue_fails(self):
        os.remove(os.path.join(self.root, PO))
        self.assert_check_fails("scenarios.po: missing")

    def test_conflicting_catalogues_fail(self):
        # The runtime merges every catalogue of a language into one map.
        extra = os.path.join(self.root, "scenarios", "locale", "uk", "stories.po")
        with open(extra, "w", encoding="utf-8") as f:
            f.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "United States"\nmsgstr "Сполучені Штати"\n')
        self.assert_check_fails("translated differently")

    def test_stale_template_fails(self):
        mini = os.path.join(self.root, "scenarios", "mini.json")
        with open(mini, encoding="utf-8") as f:
            text = f.read()
        with open(mini, "w", encoding="utf-8") as f:
            f.write(text.replace('"label": "Rule switched on"', '"label": "Rule on"'))
        self.assert_check_fails("scenarios/locale/scenarios.pot: out of date",
                                "/levers/0/label: no uk translation of 'Rule on'")

    def quote_lever_in_help(self, quoted_uk):
        """The lever's help quotes the lever's own label; its translation quotes `quoted_uk`."""
        mini = os.path.join(self.root, "scenarios", "mini.json")
        with open(mini, encoding="utf-8") as f:
            text = f.read()
        with open(mini, "w", encoding="utf-8") as f:
            f.write(text.replace("Keeps {count} chips out when on.",
                                 "Keeps {count} chips out when 'Rule switched on' is ticked."))
        self.edit_po('msgid "Keeps {count} chips out when on."\nmsgstr "Коли увімкнено, не пропускає {count} чипів."',
                     'msgid "Keeps {count} chips out when \'Rule switched on\' is ticked."\n'
                     f'msgstr "Коли позначено «{quoted_uk}», не пропускає {{count}} чипів."')
        return self.check()

    def test_a_quoted_screen_name_reads_as_the_translated_screen_says(self):
        rc, out = self.quote_lever_in_help("Правило вимкнено")
        self.assertEqual(rc, 1, out)
        self.assertIn("/levers/0/help: the text quotes 'Rule switched on', which the uk screen calls "
                      "«Правило увімкнено», but its translation quotes ['Правило вимкнено']", out)

    def test_a_quoted_screen_name_as_the_screen_says_passes(self):
        _, out = self.quote_lever_in_help("Правило увімкнено")
        self.assertNotIn("the text quotes", out)  # (the template is stale here: only that fails)

    def test_broken_po_fails_msgfmt(self):
        self.edit_po('msgid "United States"', 'msgid "United States"\nmsgid "again"')
        self.assert_check_fails("msgfmt --check")

    def test_pot_holds_every_text_once_and_compiles(self):
        out_dir = os.path.join(self.tmp, "pot")
        rc, out = run(self.root, "--pot", out_dir, "--domain", "scenarios")
        self.assertEqual(rc, 0, out)
        pot = os.path.join(out_dir, "scenarios.pot")
        with open(pot, encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(text.count('msgid "United States"'), 1)  # bloc name and lever group: one entry
        self.assertIn("#. scenarios/mini.json:/levers/0/group", text)
        r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, pot], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main()
