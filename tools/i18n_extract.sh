#!/usr/bin/env bash
# Extracts the translatable strings of the dashboard, the CLI and the engine into
# assets/locale/chokepoint.pot (keywords tr, trId, trf, trc, N_; the engine's problems: reason, err,
# phrase), then merges the template
# into every assets/locale/<lang>.po that exists (msgmerge --update: translations of
# unchanged strings are kept; a changed string comes back untranslated, never fuzzy).
# Scenario texts live in scenarios/locale/<lang>/*.po.
# trf() and the engine's t.trf() take fmt templates ("{}"), never printf ones: no-c-format.
#
#   tools/i18n_extract.sh            # regenerate the template, merge the catalogues
#   tools/i18n_extract.sh --check    # change nothing; exit 1 when a string in the code is
#                                    # missing from the template or from any <lang>.po, or
#                                    # a <lang>.po leaves one untranslated
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
check=0
[ "${1:-}" = "--check" ] && check=1
pot=assets/locale/chokepoint.pot
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Sorted file list and no dates in the header: the template changes only when strings do.
find src/app src/cli src/engine src/i18n src/web \( -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort > "$tmp/files"
xgettext --language=C++ --from-code=UTF-8 --add-comments=TRANSLATORS: --sort-by-file \
  --keyword= --keyword=tr --keyword=trId:1 --keyword=trf:1 --keyword=trc:1c,2 --keyword=N_ --keyword=CP_N_ \
  --keyword=reason:1 --keyword=err:2 --keyword=phrase:1 --flag=reason:1:no-c-format --flag=err:2:no-c-format \
  --flag=trf:1:no-c-format \
  --package-name=chokepoint --msgid-bugs-address=none \
  --files-from="$tmp/files" --output="$tmp/new.pot"
sed -i '/^"POT-Creation-Date:/d' "$tmp/new.pot"

# The msgids msgcmp reported (it names lines of the temporary template), at most 20.
missing() {
  grep -o 'new.pot:[0-9]*' "$1" | cut -d: -f2 | head -20 | while read -r n; do sed -n "$((n - 1)),${n}p" "$tmp/new.pot" | grep "^msgid"; done
}

if [ "$check" = 1 ]; then
  status=0
  # msgcmp: every msgid of the reference (the code's strings) must be in the catalogue.
  if ! msgcmp --use-untranslated "$pot" "$tmp/new.pot" 2> "$tmp/err"; then
    echo "$pot is not current: run tools/i18n_extract.sh" >&2
    missing "$tmp/err" >&2
    status=1
  fi
  for po in assets/locale/*.po; do
    [ -e "$po" ] || continue
    if ! msgcmp --use-untranslated "$po" "$tmp/new.pot" 2> "$tmp/err"; then
      echo "$po lacks strings the code uses (run tools/i18n_extract.sh, then translate them):" >&2
      missing "$tmp/err" >&2
      status=1
    fi
    # A string present but untranslated shows English in the middle of the language's screen.
    untranslated="$(msgattrib --untranslated --no-obsolete "$po" | grep '^msgid "..*"' | head -20 || true)"
    if [ -n "$untranslated" ]; then
      echo "$po has strings without a translation (translate them):" >&2
      echo "$untranslated" >&2
      status=1
    fi
  done
  [ "$status" = 0 ] && echo "every string of the code is in $pot and translated in assets/locale/*.po"
  exit "$status"
fi

mkdir -p assets/locale
mv "$tmp/new.pot" "$pot"
echo "$pot: $(grep -c '^msgid ' "$pot") strings (header included)"
for po in assets/locale/*.po; do
  [ -e "$po" ] || continue
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
  msgfmt --check --statistics -o /dev/null "$po"
done
