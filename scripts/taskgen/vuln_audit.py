#!/usr/bin/env python3
"""vuln-audit: find the line or commit of a change that introduced a vulnerability (answer tasks)."""
import os, subprocess, sys, tempfile, difflib
sys.path.insert(0, "/tmp/taskgen")
from lib import task, answer_scorer
CAT = sys.argv[1]

def udiff(path, old, new):
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "a/" + path, "b/" + path, n=3))

# ---- 1. Python: shell injection among harmless edits
old1 = '''import logging
import os
import subprocess

log = logging.getLogger("thumbs")
UPLOADS = "/srv/uploads"
SIZES = {"small": "128x128", "large": "1024x1024"}


def safe_name(name):
    base = os.path.basename(name)
    if not base or base.startswith("."):
        raise ValueError("bad file name")
    return base


def make_thumb(name, size="small"):
    src = os.path.join(UPLOADS, safe_name(name))
    dst = src + "." + size + ".png"
    geometry = SIZES[size]
    subprocess.run(["convert", src, "-resize", geometry, dst], check=True)
    return dst


def delete_thumbs(name):
    for size in SIZES:
        path = os.path.join(UPLOADS, safe_name(name)) + "." + size + ".png"
        if os.path.exists(path):
            os.remove(path)


def handle(request):
    action = request.get("action")
    if action == "thumb":
        return {"path": make_thumb(request["file"], request.get("size", "small"))}
    if action == "delete":
        delete_thumbs(request["file"])
        return {"ok": True}
    return {"error": "unknown action"}
'''
new1 = old1.replace('log = logging.getLogger("thumbs")', 'log = logging.getLogger("thumbnails")') \
    .replace('SIZES = {"small": "128x128", "large": "1024x1024"}', 'SIZES = {"small": "128x128", "medium": "512x512", "large": "1024x1024"}') \
    .replace('''    geometry = SIZES[size]
    subprocess.run(["convert", src, "-resize", geometry, dst], check=True)
    return dst''', '''    geometry = SIZES.get(size, size)
    log.info("thumbnail %s at %s", src, geometry)
    subprocess.run(["convert", src, "-resize", geometry, dst], check=True)
    return dst''') \
    .replace('''        if os.path.exists(path):
            os.remove(path)''', '''        if os.path.exists(path):
            log.info("removing %s", path)
            os.remove(path)''')
# the vulnerable change: unknown sizes are passed through; convert's -resize argument is data from the request,
# but it is still an argv item.  Make the real bug a shell string in a new helper:
new1 = new1.replace('''def handle(request):''', '''def archive(name):
    target = os.path.join(UPLOADS, "archive")
    os.makedirs(target, exist_ok=True)
    subprocess.run("tar -czf %s/%s.tgz -C %s %s" % (target, name, UPLOADS, safe_name(name)), shell=True, check=True)
    return os.path.join(target, name + ".tgz")


def handle(request):''').replace('''    if action == "delete":''', '''    if action == "archive":
        return {"path": archive(request["file"])}
    if action == "delete":''')
line1 = [i + 1 for i, l in enumerate(new1.splitlines()) if "shell=True" in l][0]
task(CAT, "vuln-audit/python-diff", domain="security",
     summary="Find the line of a Python change that lets a request run shell commands",
     minutes=8, notes="estimate: read a 60-line diff with five hunks (4 min), weigh the suspicious-looking but argv-safe size pass-through against the shell=True string built from the raw request field (2 min), locate the line in the new file (2 min): about 8 min",
     instructions="`change.diff` is a pending change to `thumbs.py` (the workspace holds the file after the change). One line of the change introduces a vulnerability that lets a crafted request run arbitrary shell commands on the server.\n\nWrite that line's number in the new `thumbs.py` to `answer.txt`.",
     files={"thumbs.py": new1, "change.diff": udiff("thumbs.py", old1, new1)}, tests={"answer.txt": "%d\n" % line1},
     solve="grep -n 'shell=True' thumbs.py | cut -d: -f1 > answer.txt", scorer=answer_scorer("number"),
     requires=["bash", "grep", "cut"], tags=["answer", "audit", "python"])
open("/tmp/taskgen/audit1.json", "w").write(str([i + 1 for i, l in enumerate(new1.splitlines()) if "SIZES.get" in l or "safe_name(name)" in l]))

# ---- 2. C: an off-by-one among refactors
old2 = {"buf.c": '''#include <stdlib.h>
#include <string.h>
#include "buf.h"

int buf_init(struct buf *b, size_t cap)
{
	b->data = malloc(cap);
	if (!b->data)
		return -1;
	b->len = 0;
	b->cap = cap;
	return 0;
}

int buf_append(struct buf *b, const char *src, size_t n)
{
	if (n > b->cap - b->len)
		return -1;
	memcpy(b->data + b->len, src, n);
	b->len += n;
	return 0;
}

int buf_putc(struct buf *b, char c)
{
	if (b->len >= b->cap)
		return -1;
	b->data[b->len++] = c;
	return 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
''', "field.c": '''#include <string.h>
#include "buf.h"

/* Copy field number `idx` (0-based) of a comma-separated line into out (size outsz). */
int field_get(const char *line, int idx, char *out, size_t outsz)
{
	const char *p = line;
	for (int i = 0; i < idx; i++) {
		p = strchr(p, ',');
		if (!p)
			return -1;
		p++;
	}
	size_t n = strcspn(p, ",\\n");
	if (n >= outsz)
		return -1;
	memcpy(out, p, n);
	out[n] = '\\0';
	return (int)n;
}

int field_count(const char *line)
{
	int n = 1;
	for (const char *p = line; *p && *p != '\\n'; p++)
		if (*p == ',')
			n++;
	return n;
}
'''}
new2 = dict(old2)
new2["buf.c"] = old2["buf.c"].replace('''	if (n > b->cap - b->len)
		return -1;''', '''	if (b->len + n > b->cap)
		return -1;''').replace('''	if (b->len >= b->cap)
		return -1;
	b->data[b->len++] = c;''', '''	if (b->len == b->cap)
		return -1;
	b->data[b->len] = c;
	b->len++;''')
new2["field.c"] = old2["field.c"].replace('''	size_t n = strcspn(p, ",\\n");
	if (n >= outsz)
		return -1;''', '''	size_t n = strcspn(p, ",\\r\\n");
	if (n > outsz)
		return -1;''').replace('''	int n = 1;
	for (const char *p = line; *p && *p != '\\n'; p++)''', '''	int n = 1;
	for (const char *p = line; *p && *p != '\\n' && *p != '\\r'; p++)''')
line2 = "field.c:%d" % [i + 1 for i, l in enumerate(new2["field.c"].splitlines()) if "if (n > outsz)" in l][0]
diff2 = udiff("buf.c", old2["buf.c"], new2["buf.c"]) + udiff("field.c", old2["field.c"], new2["field.c"])
hdr = "struct buf {\n\tchar *data;\n\tsize_t len, cap;\n};\n\nint buf_init(struct buf *b, size_t cap);\nint buf_append(struct buf *b, const char *src, size_t n);\nint buf_putc(struct buf *b, char c);\nvoid buf_free(struct buf *b);\nint field_get(const char *line, int idx, char *out, size_t outsz);\nint field_count(const char *line);\n"
task(CAT, "vuln-audit/c-bounds", domain="security",
     summary="Find the line of a C refactor that lets a field one byte too long overflow the caller's buffer",
     minutes=15, notes="estimate: read a two-file diff with four hunks (5 min), check each bounds test: the rewritten append check (overflow-prone in theory, sizes are small), the putc rewrite (equivalent) and the field length test changed from >= to > that lets the NUL land past the buffer (7 min), give file:line (3 min): about 15 min",
     instructions="`change.diff` is a refactor of `buf.c` and `field.c` (the workspace holds the files after it; `buf.h` did not change). One changed line introduces a memory-safety bug: a write past the end of a buffer for some inputs.\n\nWrite the file and the line number of that line in the new file, as `FILE:LINE` (e.g. `buf.c:12`), to `answer.txt`.",
     files={"buf.c": new2["buf.c"], "field.c": new2["field.c"], "buf.h": hdr, "change.diff": diff2},
     tests={"answer.txt": line2 + "\n"},
     solve="echo \"field.c:$(grep -n 'if (n > outsz)' field.c | cut -d: -f1)\" > answer.txt", scorer=answer_scorer("exact"),
     requires=["bash", "grep", "cut"], tags=["answer", "audit", "c"])
open("/tmp/taskgen/audit2.json", "w").write(str(["buf.c:%d" % (i + 1) for i, l in enumerate(new2["buf.c"].splitlines()) if "b->len + n > b->cap" in l or "b->len == b->cap" in l]))

# ---- 3. git history: the commit that made an authorisation check bypassable
app0 = '''from functools import wraps

USERS = {"ana": {"role": "admin"}, "bo": {"role": "viewer"}}


def current_user(request):
    return USERS.get(request.headers.get("X-User", ""))


def require_admin(fn):
    @wraps(fn)
    def wrapper(request, *a, **kw):
        user = current_user(request)
        if not user or user["role"] != "admin":
            return 403, "forbidden"
        return fn(request, *a, **kw)
    return wrapper


@require_admin
def delete_project(request, name):
    return 200, "deleted " + name


def list_projects(request):
    return 200, "alpha,beta"
'''
steps = [
    ("Add project listing docs", lambda s: s.replace("def list_projects(request):", "def list_projects(request):\n    \"\"\"Everyone may list projects.\"\"\"")),
    ("Add viewer role for carla", lambda s: s.replace('"bo": {"role": "viewer"}}', '"bo": {"role": "viewer"}, "carla": {"role": "viewer"}}')),
    ("Log forbidden requests", lambda s: s.replace('            return 403, "forbidden"', '            print("forbidden:", request.path)\n            return 403, "forbidden"')),
    ("Support a maintenance header for the ops dashboard", lambda s: s.replace('        if not user or user["role"] != "admin":', '        maintenance = request.headers.get("X-Maintenance") is not None\n        if not maintenance and (not user or user["role"] != "admin"):')),
    ("Rename project deletion message", lambda s: s.replace('"deleted " + name', '"project %s deleted" % name')),
    ("Lower-case user names", lambda s: s.replace('request.headers.get("X-User", "")', 'request.headers.get("X-User", "").lower()')),
    ("Add archive endpoint", lambda s: s + '\n\n@require_admin\ndef archive_project(request, name):\n    return 200, "archived " + name\n'),
    ("Strip user header", lambda s: s.replace('.get("X-User", "").lower()', '.get("X-User", "").strip().lower()')),
    ("Count forbidden requests", lambda s: s.replace('print("forbidden:", request.path)', 'print("forbidden:", request.path, "user:", request.headers.get("X-User"))')),
]
tmp = tempfile.mkdtemp()
repo = os.path.join(tmp, "repo")
def git(*a, **kw):
    env = dict(os.environ, GIT_AUTHOR_NAME="dev", GIT_AUTHOR_EMAIL="dev@example.test", GIT_COMMITTER_NAME="dev",
               GIT_COMMITTER_EMAIL="dev@example.test", GIT_AUTHOR_DATE=kw.get("date", "2025-05-01T10:00:00Z"),
               GIT_COMMITTER_DATE=kw.get("date", "2025-05-01T10:00:00Z"))
    return subprocess.run(["git", "-C", repo, *a], check=True, capture_output=True, text=True, env=env).stdout.strip()
os.makedirs(repo)
git("init", "-q", "-b", "main")
src = app0
open(os.path.join(repo, "app.py"), "w").write(src)
open(os.path.join(repo, "README.md"), "w").write("# projects service\n")
git("add", "-A"); git("commit", "-qm", "Initial service", date="2025-05-01T09:00:00Z")
bad = None
for k, (msg, f) in enumerate(steps):
    src = f(src)
    open(os.path.join(repo, "app.py"), "w").write(src)
    git("add", "-A"); git("commit", "-qm", msg, date="2025-05-%02dT10:00:00Z" % (k + 2))
    if "X-Maintenance" in msg or "maintenance header" in msg:
        bad = git("rev-parse", "HEAD")
bundle = os.path.join(tmp, "history.bundle")
git("bundle", "create", bundle, "--all")
task(CAT, "vuln-audit/auth-history", domain="security",
     summary="Find the commit in a service's history that made its admin check bypassable by any caller",
     minutes=12, notes="estimate: clone the bundle and read the 10-commit log (3 min), read the diffs of the authorisation code (5 min), see that the maintenance header skips the check for anyone who sends it, take the full hash (4 min): about 12 min",
     instructions="`history.bundle` holds the history of a small service (`git clone history.bundle project`). Today any unauthenticated caller can delete projects, though the first commit's admin check was sound.\n\nWhich commit introduced the bypass? Write its full 40-character hash to `answer.txt`.",
     files={"history.bundle": open(bundle, "rb").read()}, tests={"answer.txt": bad + "\n"},
     solve="d=$(mktemp -d); git clone -q history.bundle \"$d/p\"; git -C \"$d/p\" log --format=%H -S X-Maintenance --reverse -- app.py | head -1 > answer.txt",
     scorer=answer_scorer("exact"), requires=["bash", "git", "head"], tags=["answer", "audit", "git"])
