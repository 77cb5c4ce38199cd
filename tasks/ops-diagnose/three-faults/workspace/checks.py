"""The simulated behaviour of each kind of service: returns an error message or None."""
import os


def port(s, state, name):
    p = int(s["port"])
    if p in state["ports"]:
        return "bind 0.0.0.0:%d: address already in use" % p
    state["ports"][p] = name
    return None


def run(name, s, svcs, state, log):
    kind = s["kind"]
    if kind == "db":
        path = s["data_file"]
        if not os.path.isfile(path):
            return "cannot open database %s: no such file" % path
        head = open(path, "rb").read(16)
        if not head.startswith(b"MINIDB"):
            return "%s is not a database (bad header %r)" % (path, head[:6])
        log("INFO opened %s" % path)
        return port(s, state, name)
    if kind == "queue":
        e = port(s, state, name)
        if e:
            return e
        state["queue_max"] = int(s["max_connections"])
        state["queue_used"] = 0
        log("INFO accepting up to %d connections" % state["queue_max"])
        return None
    if kind in ("api", "worker"):
        if kind == "api":
            e = port(s, state, name)
            if e:
                return e
            lp = s.get("log_dir", "logs")
            if not os.path.isdir(lp):
                return "log_dir %s is not a directory" % lp
        for key in ("db_port", "queue_port"):
            if key in s:
                target = int(s[key])
                owner = state["ports"].get(target)
                want = "db" if key == "db_port" else "queue"
                if owner is None or svcs[owner]["kind"] != want:
                    return "connect 127.0.0.1:%d: connection refused (%s)" % (target, key)
        pool = int(s.get("queue_pool", 0))
        for i in range(pool):
            if state.get("queue_used", 0) >= state.get("queue_max", 0):
                qn = [n for n, v in svcs.items() if v["kind"] == "queue"][0]
                with open(os.path.join("logs", qn + ".log"), "a") as f:
                    f.write("%s WARN rejecting connection %d from %s: max_connections=%d reached\n"
                            % (qn, state["queue_used"] + 1, name, state["queue_max"]))
                log("WARN queue connection %d/%d timed out, retrying" % (i + 1, pool))
                return "timed out waiting for the queue (connection %d of pool %d)" % (i + 1, pool)
            state["queue_used"] = state.get("queue_used", 0) + 1
        return None
    return "unknown kind " + kind
