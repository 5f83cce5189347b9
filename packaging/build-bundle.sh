#!/usr/bin/env bash
# Builds the standalone Copydesk, a folder that runs without Python, into
# dist/copydesk/ with PyInstaller (packaging/copydesk.spec), then smoke-tests
# the result: it checks the sample story from the command line with the same
# issues as the Python package, spells with its own Hunspell and dictionaries,
# opens its window offscreen (and on Xvfb when there is one) and closes
# cleanly, and installs a desktop entry that starts it.
#
#     bash packaging/build-bundle.sh
#
# It builds from a plain `pip install .` in build/bundle-venv, so the bundle
# holds what an installed Copydesk holds, whatever the state of .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/bundle-venv
rm -rf build/lib  # setuptools never empties it, so a deleted module would stay in the wheel
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
"${pip[@]}" ".[build]"
"${pip[@]}" --no-deps --force-reinstall .  # this checkout, even at an unchanged version
"$venv/bin/pyinstaller" --noconfirm --clean --log-level ERROR \
    --distpath dist --workpath build/pyinstaller packaging/copydesk.spec

root=$PWD
bundle="$root/dist/copydesk/copydesk"
sample="$root/resources/samples/wire-story.txt"
scratch=$(mktemp -d)
screen=
trap '[ -z "$screen" ] || kill "$screen"; rm -rf "$scratch"' EXIT
fail() { echo "build-bundle: smoke test failed: $*" >&2; exit 1; }
# No Python on the path and a home of its own: what a machine without Python gives it.
bare=(env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config"
    XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime")
mkdir -m 700 "$scratch/home" "$scratch/runtime"
cd "$scratch"

status=0
"${bare[@]}" "$bundle" check --format json "$sample" >bundle.json 2>check.err || status=$?
[ "$status" = 1 ] && [ ! -s check.err ] || fail "copydesk check exited $status, not 1 (issues found): $(cat check.err)"
"$root/$venv/bin/copydesk" check --format json "$sample" >package.json || true
cmp -s bundle.json package.json || fail "the bundle's issues differ from the Python package's"
for rule in repeated-word variant-consistency spelling-locale quote-punctuation unattributed-quote scrape-leftover; do
    grep -q "\"rule\": \"$rule\"" bundle.json || fail "no $rule issue in the sample story"
done
# Spelling works from the bundle's own Hunspell and dictionaries, in both locales.
for style in ap british; do
    printf 'The goverment said.\n' | "${bare[@]}" "$bundle" check --style "$style" - >spelling.out 2>spelling.err || true
    grep -q "spelling: .*\[fix: government\]" spelling.out && [ ! -s spelling.err ] \
        || fail "no spelling fix under $style: $(cat spelling.out spelling.err)"
done
# House-style patterns run on RE2 (google-re2): the bundle carries it.
cat >pct.toml <<'STYLE'
[[substitutions]]
pattern = '\b(\d+) pct\b'
replace = '\1 percent'
reason = "Spell out percent."
STYLE
echo "Prices rose 4 pct in May." >pct.txt
"${bare[@]}" "$bundle" check --style pct.toml pct.txt >pct.out 2>pct.err || true
grep -q "fix: 4 percent" pct.out || fail "a house-style pattern did not run: $(cat pct.err)"
# LanguageTool's client is in the bundle: asking a server that is not there
# fails with the reason, and the built-in issues are still printed.
status=0
"${bare[@]}" "$bundle" check --languagetool-url http://127.0.0.1:9 "$sample" >grammar.out 2>grammar.err || status=$?
[ "$status" = 2 ] && grep -q "connection refused" grammar.err && grep -q "repeated-word" grammar.out \
    || fail "check --languagetool-url exited $status: $(cat grammar.err)"

expect_window() {  # how it is shown, then the environment that shows it
    local how=$1 opened status=0
    shift
    opened=$("${bare[@]}" "$@" COPYDESK_QUIT_AFTER_LOAD=1 "$bundle" "$sample" 2>window.err) || status=$?
    [ "$status" = 0 ] && [ "$opened" = "wire-story.txt — Copydesk" ] \
        || fail "$how, the window exited $status showing '$opened': $(cat window.err)"
}
expect_window offscreen QT_QPA_PLATFORM=offscreen
if command -v Xvfb >/dev/null 2>&1; then
    # Xvfb picks a free display and writes its number once it is ready.
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>display 2>/dev/null &
    screen=$!
    for _ in $(seq 50); do [ -s display ] && break; sleep 0.1; done
    expect_window "on X" DISPLAY=":$(cat display)"
else
    echo "build-bundle: no Xvfb, so the window was tried offscreen only (apt-get install xvfb)" >&2
fi

"${bare[@]}" "$bundle" install-desktop >/dev/null || fail "install-desktop failed"
grep -qx "Exec=$bundle %F" "$scratch/data/applications/io.github.copydesk.Copydesk.desktop" \
    || fail "the installed entry does not start the bundle"

echo "build-bundle: dist/copydesk/ built and smoke-tested: $(du -sh "$(dirname "$bundle")" | cut -f1) on disk," \
    "$(tar -C "$(dirname "$(dirname "$bundle")")" -czf - copydesk | wc -c | awk '{printf "%.0f MB", $1 / 1e6}') as a .tar.gz"
