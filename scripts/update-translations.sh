#!/usr/bin/env bash
# Regenerates translations/sms-planner_en.ts: the English plural forms of
# every "%n ...(s)" (or "...y(ies)") message. Qt shows "3 server(s)" without them.
# Run after adding or changing a message with %n.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ts="$root/translations/sms-planner_en.ts"
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
cd "$root"
"$lupdate" -pluralonly -no-obsolete -locations none -target-language en_US \
    models ui services app/sms-planner -ts "$ts"
python3 - "$ts" <<'PY'
import html, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
# lupdate does not follow "namespace sms::models {": name contexts as Qt does at run time.
import os
for prefix, folder in (("sms::models::", "models"), ("sms::ui::", "ui"), ("sms::services::", "services")):
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".h"):
                cls = name[:-2]
                text = text.replace("<name>%s</name>" % cls, "<name>%s%s</name>" % (prefix, cls))
def fill(match):
    block = match.group(0)
    source = html.unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))
    # "server(s)" and "dependency(ies)": the singular, then the plural.
    forms = [source.replace("y(ies)", "y").replace("(s)", ""), source.replace("y(ies)", "ies").replace("(s)", "s")]
    translation = "<translation>\n" + "".join(
        "            <numerusform>%s</numerusform>\n" % html.escape(form, quote=False) for form in forms
    ) + "        </translation>"
    return re.sub(r"<translation[^>]*?(/>|>.*?</translation>)", translation, block, flags=re.S)
text = re.sub(r'<message numerus="yes">.*?</message>', fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
echo "updated $ts"
