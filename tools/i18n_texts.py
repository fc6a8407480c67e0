#!/usr/bin/env python3
"""Translatable texts of the scenario, story, workshop and calibration files.

The JSON files stay English-only; translations live beside them in GNU gettext
catalogues scenarios/locale/<lang>/<domain>.po whose msgid is the exact English text.

  tools/i18n_texts.py --pot DIR              write DIR/scenarios.pot, stories.pot, workshops.pot,
                                             calibration.pot
  tools/i18n_texts.py --check uk             every text has a non-empty, non-fuzzy translation
  tools/i18n_texts.py --check uk --domain stories
  tools/i18n_texts.py --list                 print domain, file, JSON pointer and text of each

--root DIR points at another tree holding scenarios/ (the tests use fixtures).
Exit status: 0 ok, 1 texts lack translations or a catalogue is broken, 2 usage.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys

# JSON paths of the texts a user sees (what the dashboard and the CLI display); "*" is
# every element of a list. Ids, months, sources, "try" settings and notes are not texts.
FIELDS = {
    "scenarios": [
        ("name",), ("description",),
        ("blocs", "*", "name"),
        ("jurisdictions", "*", "name"),
        ("vendors", "*", "name"),
        ("chips", "*", "name"),
        ("companies", "*", "name"),
        ("sites", "*", "name"),
        ("rules", "*", "label"),
        ("china_policy", "guidance", "*", "label"),
        ("china_policy", "import_gates", "*", "label"),
        ("levers", "*", "label"), ("levers", "*", "group"), ("levers", "*", "help"),
        ("levers", "*", "changes"), ("levers", "*", "unit"), ("levers", "*", "options", "*"),
        ("events", "*", "label"),
    ],
    "stories": [
        ("name",), ("description",),
        ("cards", "*", "title"), ("cards", "*", "text"),
    ],
    "workshops": [
        ("name",), ("description",),
        ("teams", "*", "name"), ("teams", "*", "brief"),
        ("teams", "*", "objectives", "*", "label"),
    ],
    # The row labels of `chokepoint-cli calibrate` (sources and notes are not texts).
    "calibration": [
        ("targets", "*", "label"), ("parameters", "*", "label"),
    ],
}
DOMAINS = list(FIELDS)

# Placeholders a translation must keep: {name}, {0}, %s, %d, %.1f ...
PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}|%(?:[1-9]\$)?[-+#0]*[0-9]*(?:\.[0-9]+)?[sdfgxXeu]")


def domain_files(root, domain):
    """The JSON files of a domain, sorted; scenario files are those with levers or extends."""
    base = os.path.join(root, "scenarios")
    if domain == "stories":
        return sorted(glob.glob(os.path.join(base, "stories", "*.json")))
    if domain == "workshops":
        return sorted(glob.glob(os.path.join(base, "workshops", "*.json")))
    if domain == "calibration":
        return sorted(glob.glob(os.path.join(base, "calibration", "*.json")))
    out = []
    for path in sorted(glob.glob(os.path.join(base, "*.json"))):
        doc = load_json(path)
        if isinstance(doc, dict) and ("levers" in doc or "extends" in doc):
            out.append(path)
    return out


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit(f"{path}: cannot read: {e}")


def walk(node, field, pointer):
    """Yields (JSON pointer, string) for every string at `field` below `node`."""
    if not field:
        if isinstance(node, str) and node.strip():
            yield pointer, node
        return
    key, rest = field[0], field[1:]
    if key == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, rest, f"{pointer}/{i}")
    elif isinstance(node, dict) and key in node:
        yield from walk(node[key], rest, f"{pointer}/{key}")


def extract(root, domain):
    """[(relative file, JSON pointer, English text)] in file order, then document order."""
    texts = []
    for path in domain_files(root, domain):
        doc = load_json(path)
        rel = os.path.relpath(path, root)
        found = []
        for field in FIELDS[domain]:
            found.extend(walk(doc, field, ""))
        found.sort(key=lambda pt: pointer_key(pt[0]))
        texts.extend((rel, p, t) for p, t in found)
    return texts


def pointer_key(pointer):
    """Sort key that orders /levers/2/help before /levers/10/label."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in pointer.split("/")[1:]]


# --- PO files -------------------------------------------------------------------------

def po_quote(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def po_unquote(s):
    out, i = [], 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(escapes.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def po_string(keyword, text, width=76):
    """keyword "text", wrapped at spaces the way msgmerge does for long strings."""
    q = po_quote(text)
    if len(keyword) + len(q) + 3 <= width + 3 and "\\n" not in q[:-2]:
        return f'{keyword} "{q}"\n'
    lines, line = [], ""
    for word in re.split(r"(?<= )", q):
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line += word
    if line:
        lines.append(line)
    return f'{keyword} ""\n' + "".join(f'"{l}"\n' for l in lines)


def pot_text(domain, texts):
    """The template of a domain: one entry per distinct text, with every place it occurs."""
    refs = {}
    for rel, pointer, text in texts:
        refs.setdefault(text, []).append((rel, pointer))
    out = [
        f"# Chokepoint {domain} texts: template for translations (msgid = the English text in the JSON).\n"
        "# Generated by tools/i18n_texts.py --pot scenarios/locale; do not edit, regenerate.\n"
        "#, fuzzy\n"
        'msgid ""\n'
        'msgstr ""\n'
        f'"Project-Id-Version: chokepoint-{domain}\\n"\n'
        '"Language: \\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
    ]
    for text, where in refs.items():
        entry = "\n"
        for rel, pointer in where:
            entry += f"#. {rel}:{pointer}\n"
        files = list(dict.fromkeys(rel for rel, _ in where))
        entry += "#: " + " ".join(files) + "\n"
        entry += po_string("msgid", text) + 'msgstr ""\n'
        out.append(entry)
    return "".join(out)


def write_pot(path, domain, texts):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(pot_text(domain, texts))
    os.replace(tmp, path)  # atomic: a reader never sees half a template


def parse_po(path):
    """{msgid: (msgstr, fuzzy)} of the live, context-free entries of a PO file; raises ValueError."""
    entries = {}
    cur, field = {"flags": set()}, None

    def finish():
        nonlocal cur, field
        if cur.get("msgid") and "msgctxt" not in cur and not cur.get("obsolete"):
            entries[cur["msgid"]] = (cur.get("msgstr", ""), "fuzzy" in cur["flags"])
        cur, field = {"flags": set()}, None

    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#"):
                if "msgstr" in cur:
                    finish()
                if line.startswith("#~"):
                    cur["obsolete"] = True
                elif line.startswith("#,"):
                    cur["flags"].update(fl.strip() for fl in line[2:].split(","))
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if m:
                kw = m.group(1)
                if kw in ("msgctxt", "msgid") and "msgstr" in cur:
                    finish()
                field = "msgstr" if kw == "msgstr[0]" else kw
                cur[field] = cur.get(field, "") + po_unquote(m.group(2))
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and field:
                cur[field] += po_unquote(m.group(1))
                continue
            raise ValueError(f"{path}:{n}: cannot parse: {line[:60]}")
    finish()
    return entries


# --- check ----------------------------------------------------------------------------

def check(root, lang, domains):
    locale = os.path.join(root, "scenarios", "locale", lang)
    problems = []
    catalogues = sorted(glob.glob(os.path.join(locale, "*.po")))
    # The dashboard's own catalogue joins the same runtime map: a shared word ("China",
    # "share") must read the same in both.
    ui = os.path.join(root, "assets", "locale", lang + ".po")
    if os.path.exists(ui):
        catalogues.append(ui)
    merged, origin = {}, {}
    for po in catalogues:
        rel = os.path.relpath(po, root)
        try:
            entries = parse_po(po)
        except (OSError, ValueError) as e:
            problems.append(f"{e}")
            continue
        for msgid, (msgstr, fuzzy) in entries.items():
            usable = msgstr.strip() and not fuzzy
            if msgid in merged and usable and merged[msgid] and merged[msgid] != msgstr:
                # One runtime map holds every catalogue: the two would fight.
                problems.append(f"{rel}: {msgid!r} is translated differently in {origin[msgid]}")
            if usable and not merged.get(msgid):
                merged[msgid], origin[msgid] = msgstr, rel
            merged.setdefault(msgid, "")
    names = screen_names(merged)
    for domain in domains:
        po = os.path.join(locale, domain + ".po")
        if not os.path.exists(po):
            problems.append(f"{os.path.relpath(po, root)}: missing (create it with msginit from {domain}.pot)")
        else:
            problems.extend(msgfmt_check(po, root))
        texts = extract(root, domain)
        problems.extend(check_template(root, domain, texts))
        for rel, pointer, text in texts:
            msgstr = merged.get(text, "")
            if not msgstr:
                problems.append(f"{rel}: {pointer}: no {lang} translation of {text!r}")
                continue
            want = sorted(PLACEHOLDER.findall(text))
            if sorted(PLACEHOLDER.findall(msgstr)) != want:
                problems.append(f"{rel}: {pointer}: the {lang} translation of {text!r} "
                                f"does not keep the placeholders {want}")
            problems.extend(check_quoted_names(rel, pointer, lang, text, msgstr, names))
    return problems


def screen_names(merged):
    """[(English form, translated name)] of every short translated string (a chart title, a
    series, a lever, a button) and its head before ", ..." or " (...)": the ways a text quotes it."""
    names = []
    for msgid, msgstr in merged.items():
        if not msgstr or len(msgid) > 60 or "\n" in msgid or "{" in msgid:
            continue
        for form in {msgid, re.split(r", | \(", msgid)[0]}:
            if len(form) >= 4:
                names.append((form, msgstr))
    return names


def check_quoted_names(rel, pointer, lang, text, msgstr, names):
    """A story or workshop text that quotes what the screen shows ('China's compute by
    channel') must quote it in the translation as the translated screen does: «P» with the
    screen's words starting with P (a class looks for the chart by the name the card gives)."""
    quoted = re.findall(r"«([^»]+)»", msgstr)
    problems = []
    for form, shown in names:
        # 'China' is not quoted in "'China's compute by channel'": the quote ends at no letter.
        if re.search(f"(?<![A-Za-z])'{re.escape(form)}'(?![A-Za-z])", text) and not any(
                shown.startswith(q) for q in quoted):
            problems.append(f"{rel}: {pointer}: the text quotes {form!r}, which the {lang} screen calls "
                            f"«{shown}», but its translation quotes {quoted or 'nothing'}")
    return problems


def check_template(root, domain, texts):
    """The shipped template must be what --pot writes now (translators msgmerge from it)."""
    pot = os.path.join(root, "scenarios", "locale", domain + ".pot")
    rel = os.path.relpath(pot, root)
    fix = "regenerate it with tools/i18n_texts.py --pot scenarios/locale, then msgmerge the catalogues"
    try:
        with open(pot, encoding="utf-8") as f:
            current = f.read() == pot_text(domain, texts)
    except OSError:
        return [f"{rel}: missing; {fix}"]
    return [] if current else [f"{rel}: out of date with the JSON files; {fix}"]


def msgfmt_check(po, root):
    try:
        r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True)
    except OSError as e:
        return [f"msgfmt (GNU gettext) cannot run: {e}"]
    if r.returncode == 0:
        return []
    return [f"{os.path.relpath(po, root)}: msgfmt --check: {line}" for line in r.stderr.strip().splitlines()]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--pot", metavar="DIR", help="write the templates <domain>.pot into DIR")
    mode.add_argument("--check", metavar="LANG", help="check scenarios/locale/LANG/*.po covers every text")
    mode.add_argument("--list", action="store_true", help="print every text with its file and JSON pointer")
    ap.add_argument("--domain", choices=DOMAINS, action="append",
                    help="only this domain (repeatable; default all: %(choices)s)")
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                    help="source tree holding scenarios/ (default: this tool's tree)")
    a = ap.parse_args(argv)
    root = os.path.abspath(a.root)
    domains = a.domain or DOMAINS

    if a.list:
        for d in domains:
            for rel, pointer, text in extract(root, d):
                print(f"{d}\t{rel}\t{pointer}\t{text}")
        return 0
    if a.pot:
        os.makedirs(a.pot, exist_ok=True)
        for d in domains:
            texts = extract(root, d)
            write_pot(os.path.join(a.pot, d + ".pot"), d, texts)
            print(f"{os.path.join(a.pot, d + '.pot')}: {len({t for _, _, t in texts})} texts "
                  f"from {len(domain_files(root, d))} files")
        return 0
    if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", a.check):
        ap.error(f"--check {a.check!r}: expected a language code such as uk or pt_BR")
    problems = check(root, a.check, domains)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the {a.check} translations of {', '.join(domains)}", file=sys.stderr)
        return 1
    n = sum(len(extract(root, d)) for d in domains)
    print(f"{a.check}: all {n} texts of {', '.join(domains)} translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
