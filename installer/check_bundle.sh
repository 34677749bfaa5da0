#!/usr/bin/env bash
# Checks a frozen bundle (default dist/ita-desktop) the way a user meets it: every ita-cli command,
# Thai text in a printed memo, bad input refused with exit 2 and no traceback, the GUI smoke test
# offscreen, and the folder size (at most ITA_BUNDLE_MAX_MB, 150 by default).
# Usage: bash installer/check_bundle.sh [BUNDLE_DIR]      (.ci/run calls it after building)
set -euo pipefail
BUNDLE="$(cd "${1:-$(dirname "$0")/../dist/ita-desktop}" && pwd)"
MAX_MB="${ITA_BUNDLE_MAX_MB:-150}"
EXE=""
[ -f "$BUNDLE/ita-cli.exe" ] && EXE=".exe"
CLI="$BUNDLE/ita-cli$EXE"
GUI="$BUNDLE/ita-desktop$EXE"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export ITA_DESKTOP_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen
unset ITA_DESKTOP_DB_URL
ORG="ทุ่งท่าช้าง"
YEAR=2568
failures=0
PY="$(command -v python3 || command -v python)"  # only to read the JSON the frozen ita-cli prints

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }

# run NAME EXPECTED_EXIT COMMAND...: the exit code must match and no traceback may reach the user
run() {
    local name="$1" want="$2"; shift 2
    local code=0
    "$@" >"$WORK/out" 2>"$WORK/err" || code=$?
    if [ "$code" != "$want" ]; then
        fail "$name: exit $code (expected $want): $(head -c 400 "$WORK/err")"
    elif grep -q "Traceback" "$WORK/out" "$WORK/err"; then
        fail "$name: a traceback reached the user"
    else
        ok "$name"
    fi
}

run "ita-cli --help" 0 "$CLI" --help
grep -q "คำสั่ง" "$WORK/out" || fail "ita-cli --help is not in Thai"
run "ita-cli demo" 0 "$CLI" demo
run "ita-cli offices" 0 "$CLI" offices
grep -q "องค์การบริหารส่วนตำบล$ORG" "$WORK/out" || fail "ita-cli offices does not list the sample office"
run "ita-cli scores --json" 0 "$CLI" scores --year "$YEAR" --org "$ORG" --json
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); assert d["year"] == int(sys.argv[2]) and d["total"] > 0, d' \
    "$WORK/out" "$YEAR" || fail "ita-cli scores --json did not print the scores as JSON"
run "ita-cli scores (table)" 0 "$CLI" scores --year "$YEAR" --org "$ORG"
for kind in analysis results; do
    run "ita-cli memo $kind" 0 "$CLI" memo "$kind" --org "$ORG" --year "$YEAR" --out "$WORK/memo-$kind.pdf"
    if command -v pdftotext >/dev/null; then
        pdftotext "$WORK/memo-$kind.pdf" "$WORK/memo-$kind.txt"
        grep -q "บันทึกข้อความ" "$WORK/memo-$kind.txt" || fail "memo $kind: no Thai text in the PDF"
    fi
done
run "ita-cli export" 0 "$CLI" export --year "$YEAR" --org "$ORG" --out "$WORK/scores.xlsx"
run "ita-cli import --dry-run" 0 "$CLI" import "$WORK/scores.xlsx" --dry-run
run "ita-cli import --replace" 0 "$CLI" import "$WORK/scores.xlsx" --replace
run "ita-cli backup" 0 "$CLI" backup
# a provincial sheet large enough to be read ahead in a second process (Linux, macOS), written with the
# standard library only: the frozen ita-cli reads it and stores 5,000 offices
"$PY" - "$WORK/province.xlsx" <<'PYEOF'
import sys, zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
def cell(ref, v):
    return f'<c r="{ref}"><v>{v}</v></c>' if isinstance(v, (int, float)) else f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
def row(n, values):
    return f'<row r="{n}">' + "".join(cell(f"{chr(65 + k)}{n}", v) for k, v in enumerate(values)) + "</row>"
rows = [row(1, ["ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566"]),
        row(3, ["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + [f"ตัวชี้วัดที่ {n}" for n in range(1, 11)])]
rows += [row(k + 4, [k + 1, f"อบต.บ้านตรวจชุด{k + 1}", "เมือง", "ชัยภูมิ"] + [round(50 + (k * 7 + n * 13) % 5000 / 100, 2) for n in range(1, 11)])
         for k in range(5000)]
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="คะแนน" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><dimension ref="A1:N5003"/><sheetData>{"".join(rows)}</sheetData></worksheet>')
PYEOF
run "ita-cli import of 5,000 offices" 0 "$CLI" import "$WORK/province.xlsx"
grep -q "5000 หน่วยงาน" "$WORK/out" || fail "import of 5,000 offices: $(head -c 300 "$WORK/out")"
if [ -z "$EXE" ]; then  # fork: the cells were read in a second process while ita-cli loaded
    grep -q "cells read ahead by process [0-9]*: received" "$ITA_DESKTOP_DATA_DIR/ita-desktop.log" \
        && ok "the 5,000 offices' cells were read ahead" || fail "the cells were not read ahead: $(grep 'read ahead' "$ITA_DESKTOP_DATA_DIR/ita-desktop.log" | tail -1)"
fi
# bad input: a Thai message on stderr, exit 2, nothing changed
run "ita-cli unknown office" 2 "$CLI" scores --year "$YEAR" --org "ไม่มีหน่วยงานนี้"
grep -q "ไม่พบหน่วยงาน" "$WORK/err" || fail "unknown office: no Thai message"
printf 'not a spreadsheet' >"$WORK/bad.xlsx"
run "ita-cli import of a broken file" 2 "$CLI" import "$WORK/bad.xlsx"
run "ita-cli unknown command" 2 "$CLI" no-such-command

# the GUI: opens its main window offscreen and prints the milliseconds from process start
run "ita-desktop --smoke-test" 0 "$GUI" --smoke-test
if [ -z "$EXE" ]; then  # Linux: Qt's Thai line breaking (libthai, its libdatrie and dictionary) travels along
    for f in libthai.so.0 libdatrie.so.1 thbrk.tri; do
        [ -n "$(find "$BUNDLE" -name "$f" -print -quit)" ] && ok "bundled $f" || fail "$f is not in the bundle"
    done
fi
ms="$(grep -Eo '^[0-9]+$' "$WORK/out" | tail -1 || true)"
[ -n "$ms" ] && ok "GUI cold start ${ms} ms" || fail "ita-desktop --smoke-test printed no time"

# size
mb="$(du -sm "$BUNDLE" | cut -f1)"
if [ "$mb" -le "$MAX_MB" ]; then ok "bundle size ${mb} MB (limit ${MAX_MB} MB)"; else fail "bundle size ${mb} MB > ${MAX_MB} MB"; fi
for unwanted in "pythainlp/corpus/thai_wiki" "PySide6/Qt/translations" "pytest" "hypothesis"; do
    if [ -e "$BUNDLE/_internal/$unwanted" ]; then fail "the bundle ships $unwanted"; fi
done
[ -f "$BUNDLE/_internal/pythainlp/corpus/words_th.txt" ] || fail "the Thai word list is missing"
[ -f "$BUNDLE/_internal/docs/guide/index.html" ] || fail "the user guide is missing"
[ -d "$BUNDLE/_internal/ita_desktop/models/migrations/versions" ] || fail "the database migrations are missing"

if [ "$failures" -gt 0 ]; then
    echo "check_bundle: $failures problem(s)" >&2
    exit 1
fi
echo "check_bundle: all frozen commands pass ($BUNDLE)"
