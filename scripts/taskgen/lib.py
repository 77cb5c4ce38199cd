"""Helpers of the task generators: write a task directory."""
import json, os, shutil, stat


def task(cat, tid, *, summary, minutes, notes, instructions, files=None, tests=None, solve, scorer,
         requires, tags, domain, limit=None, resources=None, extra_solution=None):
    d = os.path.join(cat, tid)
    if os.path.isdir(d):
        shutil.rmtree(d)
    for sub in ("workspace", "tests", "solution"):
        os.makedirs(os.path.join(d, sub))
    open(os.path.join(d, "instructions.md"), "w").write(instructions.strip() + "\n")
    for base, fs in (("workspace", files or {}), ("tests", tests or {}), ("solution", extra_solution or {})):
        for name, content in fs.items():
            p = os.path.join(d, base, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            mode = "wb" if isinstance(content, bytes) else "w"
            open(p, mode).write(content)
            if name.endswith(".sh") or name.endswith(".py") and base != "tests":
                os.chmod(p, 0o755)
    p = os.path.join(d, "solution", "solve.sh")
    open(p, "w").write("#!/bin/bash\n# Reference solution: run with the workspace as the current directory.\nset -euo pipefail\n" + solve.strip() + "\n")
    os.chmod(p, 0o755)
    minutes = float(minutes)
    t = {"id": tid, "family": tid.split("/")[0], "domain": domain, "version": 1, "summary": summary,
         "human_minutes": minutes, "human_source": "estimate", "human_notes": notes,
         "time_limit_s": limit or int(max(120, min(3600, 10 * minutes * 60)) if minutes < 15 else max(3600, 3 * minutes * 60)),
         "scorer": scorer, "network": "none", "requires": requires, "tags": tags}
    if resources:
        t["resources"] = resources
    open(os.path.join(d, "task.json"), "w").write(json.dumps(t, indent=2) + "\n")


def answer_scorer(match="exact"):
    return {"kind": "answer", "answer_file": "tests/answer.txt", "match": match}
