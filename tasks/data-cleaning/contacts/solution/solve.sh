#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF'
import csv, re
out = set()
for r in csv.DictReader(open("contacts.csv")):
    name = r["name"].strip()
    if "," in name:
        l, f = [x.strip() for x in name.split(",", 1)]
    else:
        f, l = name.split()
    f, l = f.capitalize(), l.capitalize()
    d = re.sub(r"\D", "", r["phone"])[-10:]
    s = r["signup"]
    if "/" in s:
        m, dd, y = s.split("/"); s = "%s-%s-%s" % (y, m, dd)
    elif "." in s:
        dd, m, y = s.split("."); s = "%s-%s-%s" % (y, m, dd)
    out.add(("%s %s" % (f, l), "+1-%s-%s-%s" % (d[:3], d[3:6], d[6:]), r["email"].strip().lower(), s))
w = csv.writer(open("clean.csv", "w"), lineterminator="\n")
w.writerow(["name", "phone", "email", "signup"])
w.writerows(sorted(out, key=lambda r: r[2]))
EOF
