#!/usr/bin/env python3
"""svcctl: start the services described by services/*.ini in dependency order (simulated: each
service's checks run in-process) and report their health.  Usage: python3 svcctl.py up"""
import configparser, glob, os, sys, time

LOG = "logs"


def log(svc, msg):
    os.makedirs(LOG, exist_ok=True)
    with open(os.path.join(LOG, svc + ".log"), "a") as f:
        f.write("%s %s\n" % (svc, msg))


def load():
    svcs = {}
    for p in sorted(glob.glob("services/*.ini")):
        c = configparser.ConfigParser()
        c.read(p)
        s = dict(c["service"])
        svcs[s["name"]] = s
    return svcs


def order(svcs):
    done, out = set(), []
    def visit(n, stack=()):
        if n in done:
            return
        if n in stack:
            raise SystemExit("dependency cycle at " + n)
        for d in filter(None, (x.strip() for x in svcs[n].get("requires", "").split(","))):
            if d not in svcs:
                raise SystemExit("%s requires unknown service %s" % (n, d))
            visit(d, stack + (n,))
        done.add(n)
        out.append(n)
    for n in sorted(svcs):
        visit(n)
    return out


def main():
    if sys.argv[1:] != ["up"]:
        raise SystemExit("usage: svcctl.py up")
    svcs = load()
    state = {"ports": {}, "conns": {}, "up": set()}
    import checks
    ok = True
    for n in order(svcs):
        s = svcs[n]
        deps = [d.strip() for d in s.get("requires", "").split(",") if d.strip()]
        if any(d not in state["up"] for d in deps):
            log(n, "ERROR not started: a required service is down")
            print("%-10s FAILED (dependency down)" % n)
            ok = False
            continue
        err = checks.run(n, s, svcs, state, lambda m, n=n: log(n, m))
        if err:
            log(n, "ERROR " + err)
            print("%-10s FAILED (see logs/%s.log)" % (n, n))
            ok = False
        else:
            state["up"].add(n)
            log(n, "INFO healthy")
            print("%-10s healthy" % n)
    sys.exit(0 if ok else 1)


main()
