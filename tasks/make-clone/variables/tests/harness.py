
def run_case(case, prog):
    """Run one case with PROG (an argv prefix); returns {"runs": [[status!=0, stdout lines]], "files": {...}}."""
    import os, subprocess, tempfile, time, shutil, resource
    d = tempfile.mkdtemp()
    try:
        base = 1500000000
        for name, (content, age) in sorted(case["files"].items()):
            p = os.path.join(d, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, "w").write(content)
            os.utime(p, (base + age, base + age))
        runs = []
        now = time.time()
        for k, run in enumerate(case["runs"]):
            for name in run.get("touch", []):
                p = os.path.join(d, name)
                if not os.path.exists(p):
                    open(p, "w").write("touched\n")
                t = time.time()
                os.utime(p, (t, t))
                time.sleep(0.012)  # files the run writes are strictly newer
            for name in run.get("remove", []):
                p = os.path.join(d, name)
                if os.path.exists(p):
                    os.remove(p)
            def lim():
                resource.setrlimit(resource.RLIMIT_CPU, (20, 21))
            try:
                r = subprocess.run(prog + run["args"], cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, timeout=60, preexec_fn=lim)
                out = [l for l in r.stdout.decode("utf-8", "replace").split("\n")
                       if l and not l.startswith(("make:", "make[", "mk:"))]
                runs.append([r.returncode != 0, out])
            except subprocess.TimeoutExpired:
                runs.append(["timeout", []])
        files = {}
        for root, _, fs in os.walk(d):
            for f in fs:
                p = os.path.join(root, f)
                files[os.path.relpath(p, d)] = open(p, "rb").read().decode("utf-8", "replace")
        return {"runs": runs, "files": files}
    finally:
        shutil.rmtree(d, ignore_errors=True)
