#!/usr/bin/env python3
"""Hidden cases of the make-clone family: makefiles from templates with random names, sources and
timestamps; several runs per case (touching sources between them); expected stdout, exit status and
final file contents come from GNU make, run through the same harness as the scorer."""
import json, os, random, shutil, subprocess, sys, tempfile
OUT, REF = sys.argv[1], os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

HARNESS = r'''
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
'''
exec(HARNESS)

def names(rng, n, ext):
    pool = ["core", "util", "net", "io", "parse", "main", "log", "cfg", "db", "ui", "math", "str"]
    return [x + ext for x in rng.sample(pool, n)]

def case_basic(rng):
    srcs = names(rng, rng.randint(2, 4), ".txt")
    mids = ["%s.part" % s[:-4] for s in srcs]
    files = {s: ("%s v1\n" % s, rng.randint(0, 100)) for s in srcs}
    mf = ["# a small pipeline", "all: report.out", ""]
    mf.append("report.out: %s" % " ".join(mids + ["header.txt"]))
    mf.append("\tcat header.txt %s > report.out" % " ".join(mids))
    mf.append("\t@echo report ready")
    files["header.txt"] = ("HEADER\n", 5)
    for s, m in zip(srcs, mids):
        mf += ["", "%s: %s" % (m, s), "\ttr a-z A-Z < %s > %s" % (s, m)]
        if rng.random() < 0.3:
            mf.append("\t@echo made %s" % m)
    if rng.random() < 0.5:
        mf += ["", "clean:", "\trm -f report.out %s" % " ".join(mids)]
    if rng.random() < 0.4:
        mf += ["", "broken: %s" % srcs[0], "\techo before", "\tfalse", "\techo never"]
    if rng.random() < 0.3:
        mf += ["", "needs-missing: nothere.txt", "\techo no"]
    # some intermediates already built and up to date, some stale
    for m, s in zip(mids, srcs):
        r = rng.random()
        if r < 0.3:
            files[m] = (files[s][0].upper(), files[s][1] + 50)
        elif r < 0.5:
            files[m] = ("stale\n", files[s][1] - 1 if files[s][1] > 0 else 0)
    runs = [{"args": []}, {"args": []}, {"args": [mids[0]], "touch": [srcs[0]]}, {"args": []}]
    if "broken:" in "\n".join(mf):
        runs.append({"args": ["broken"]})
    if "needs-missing" in "\n".join(mf):
        runs.append({"args": ["needs-missing"]})
    if "clean:" in "\n".join(mf):
        runs += [{"args": ["clean"]}, {"args": ["report.out"]}]
    runs.append({"args": ["report.out"], "touch": ["header.txt"]})
    runs.append({"args": ["all", mids[-1]], "remove": [mids[-1]]})
    return {"makefile": "\n".join(mf) + "\n", "files": files, "runs": runs}

def case_vars(rng):
    mods = names(rng, rng.randint(2, 5), "")
    files = {m + ".c": ("int %s;\n" % m, rng.randint(0, 50)) for m in mods}
    files["config.h"] = ("#define X 1\n", 10)
    cc = rng.choice(["cat", "sort"])
    mf = ["CC = %s" % cc, "OBJS := %s" % " ".join(m + ".o" for m in mods), "FLAGS ?= -u",
          "FLAGS += -r" if rng.random() < 0.5 else "EXTRA = $(FLAGS) extra",
          "PROG = app", "NAME = $(PROG)-$(VERSION)", "VERSION = 1.2",
          "EARLY := [$(LATE)]", "REC = [$(LATE)]", "LATE = late", "OPTS = -O1", "OPTS ?= -O3", "NEWOPT ?= -g",
          "SIMPLE := a", "SIMPLE += $(LATE)", "LATE = later", "",
          ".PHONY: all clean show", "", "all: $(PROG)", "",
          "$(PROG): $(OBJS)", "\t@echo linking $@ from $^", "\tcat $^ > $@", "",
          "%.o: %.c config.h", "\t$(CC) $(FLAGS) $< > $@", "\t@echo '$*' done: $? newer", "",
          "show:", "\t@echo name=$(NAME) objs=$(OBJS) flags=$(FLAGS)", "\t@echo first=$(firstword $(OBJS))" if False else "\t@echo cc=${CC} dollar=$$1-ish early=$(EARLY) rec=$(REC) opts=$(OPTS) new=$(NEWOPT) simple=$(SIMPLE)",
          "", "clean:", "\t-rm $(PROG) nosuchfile", "\trm -f $(OBJS)", "",
          "long: \\", "  config.h", "\techo long \\", "\tline"]
    for m in mods:
        if rng.random() < 0.3:
            files[m + ".o"] = ("old\n", 100)
    runs = [{"args": []}, {"args": ["show"]}, {"args": ["show", "FLAGS=-n", "VERSION=9"]}, {"args": []},
            {"args": ["-n"], "touch": [mods[0] + ".c"]}, {"args": []}, {"args": [], "touch": ["config.h"]},
            {"args": ["clean"]}, {"args": ["-s", "all"]}, {"args": ["long"]}, {"args": ["%s.o" % mods[-1], "CC=cat"], "touch": [mods[-1] + ".c"]}]
    return {"makefile": "\n".join(mf) + "\n", "files": files, "runs": runs}

def case_funcs(rng):
    mods = names(rng, rng.randint(3, 6), "")
    files = {"src/" + m + ".c": ("%s\n" % m, rng.randint(0, 50)) for m in mods}
    files["src/skip_me.c"] = ("skip\n", 1)
    files["common.mk"] = ("COMMON := from-include\nMODE ?= debug\n", 1)
    mode = rng.choice(["debug", "release"])
    mf = ["include common.mk",
          "SRCS := $(filter-out src/skip_me.c,$(wildcard src/*.c))",
          "OBJS := $(patsubst src/%.c,build/%.o,$(SRCS))",
          "NAMES := $(sort $(notdir $(basename $(SRCS))))",
          "UPPER = $(shell echo $(1) | tr a-z A-Z)",
          "LIST := $(foreach n,$(NAMES),<$(n)>)",
          "COUNT := $(words $(SRCS))",
          "SECOND := $(word 2,$(NAMES))",
          "ifeq ($(MODE),debug)", "  OPT := -g", "else ifeq ($(MODE),release)", "  OPT := -O2", "else", "  OPT := none", "endif",
          "ifdef VERBOSE", "  Q :=", "else", "  Q := @", "endif",
          "ifneq \"$(COUNT)\" \"0\"", "  HAVE := yes", "endif",
          "DEPS := $(SRCS:.c=.d)",
          "", ".PHONY: all info clean", "",
          "all: build/app", "",
          "build/app: $(OBJS) | build" if False else "build/app: $(OBJS)",
          "\t$(Q)echo link $(words $^) objects with $(OPT)",
          "\t$(Q)cat $^ > $@", "",
          "$(OBJS): build/%.o: src/%.c",
          "\t@mkdir -p $(dir $@)",
          "\t$(Q)echo compile $< to $@ stem $*",
          "\t$(Q)cat $< > $@", "",
          "info:",
          "\t@echo names=$(NAMES) count=$(COUNT) second=$(SECOND)",
          "\t@echo list=$(LIST)",
          "\t@echo opt=$(OPT) have=$(HAVE) common=$(COMMON)",
          "\t@echo deps=$(DEPS)",
          "\t@echo $(subst .c,.C,$(notdir $(SRCS)))",
          "\t@echo $(addprefix x/,$(NAMES)) $(addsuffix .bak,$(SECOND))",
          "\t@echo if=$(if $(HAVE),have,none) if2=$(if $(NOPE),a,b) or=$(or $(NOPE),$(SECOND)) and=$(and $(HAVE),$(OPT))",
          "\t@echo strip=[$(strip   a   b  )] find=$(findstring ore,$(NAMES)) first=$(firstword $(NAMES))",
          "\t@echo suffix=$(suffix $(SRCS)) dir=$(sort $(dir $(SRCS))) join=$(join a b,1 2)",
          "\t@echo upper=$(call UPPER,$(SECOND))" if False else "\t@echo filter=$(filter %.c,$(SRCS) x.h) origin=$(origin MODE) $(origin NOPE)",
          "", "clean:", "\trm -rf build", "",
          "k1: ok fail1 ok2", "\techo k1", "ok:", "\techo ok", "fail1:", "\tfalse", "ok2:", "\techo ok2"]
    runs = [{"args": ["info"]}, {"args": ["info", "MODE=%s" % mode]}, {"args": []}, {"args": []},
            {"args": ["VERBOSE=1"], "touch": ["src/%s.c" % mods[1]]}, {"args": ["info", "MODE=other"]},
            {"args": ["-k", "k1"]}, {"args": ["k1"]}, {"args": ["clean"]}, {"args": ["-n", "all"]},
            {"args": ["build/%s.o" % mods[0]]}]
    return {"makefile": "\n".join(mf) + "\n", "files": files, "runs": runs}

LEVELS = {"basic": ([case_basic], 6), "variables": ([case_vars, case_basic, case_vars], 6), "functions": ([case_funcs, case_vars, case_funcs, case_basic], 8)}

def prepare(case):
    c = dict(case)
    c["files"] = dict(case["files"])
    c["files"]["Makefile"] = (case["makefile"], 0)
    return c

bad = 0
for task, (gens, n) in LEVELS.items():
    rng = random.Random("mk-" + task)
    cases = []
    for i in range(n):
        c = prepare(gens[i % len(gens)](rng))
        exp = run_case(c, ["make"])
        got = run_case(c, [sys.executable, REF])
        if exp != got:
            bad += 1
            print(task, i, "MISMATCH")
            for k, (a, b) in enumerate(zip(exp["runs"], got["runs"])):
                if a != b:
                    print("  run", k, c["runs"][k], "\n   make:", a, "\n   ref: ", b)
            for f in set(exp["files"]) | set(got["files"]):
                if exp["files"].get(f) != got["files"].get(f):
                    print("  file", f, repr(exp["files"].get(f))[:80], repr(got["files"].get(f))[:80])
        c["expect"] = exp
        cases.append(c)
    d = os.path.join(OUT, task, "tests")
    os.makedirs(d, exist_ok=True)
    json.dump(cases, open(os.path.join(d, "cases.json"), "w"), indent=0)
    open(os.path.join(d, "harness.py"), "w").write(HARNESS)
print("mismatches", bad)
