#!/usr/bin/env python3
"""Writes the hidden cases (cases.json) of one reliable-transport level: seeded link profiles,
stream sizes and the bounds the reference meets with margin.  python3 rt_cases.py LEVEL OUT.json"""
import json, random, sys


def level_cases(level):
    r = random.Random(1000 + level)
    cases = []

    def add(name, link, size, limit, eff_k, eff_c=16384, **kw):
        c = {"name": "%s-%02d" % (name, len(cases) + 1), "seed": r.randrange(1 << 30),
             "profile": {"seed": r.randrange(1 << 30), "link": link, **kw.pop("prof", {})},
             "size": size, "limit_s": limit, "eff_k": eff_k, "eff_c": eff_c}
        c.update(kw)
        cases.append(c)

    mtus = [576, 800, 1000, 1200, 1400, 1500]
    if level == 1:
        for size in (0, 1, 700, 3000):
            add("tiny", {"loss": 0.1, "delay_ms": 5, "mtu": r.choice(mtus)}, {"a": size}, 30, 4.0)
        for k in range(8):
            loss = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.1][k]
            add("drop", {"loss": loss, "delay_ms": r.randint(2, 10), "mtu": r.choice(mtus)},
                {"a": r.randint(8000, 25000)}, 60, 4.0, kind=r.choice(["bytes", "text"]))
        add("ackloss", {"delay_ms": 5, "mtu": 1000}, {"a": 20000}, 60, 4.0, prof={"ba": {"loss": 0.4}})
    elif level == 2:
        for k in range(10):
            link = {"loss": r.choice([0.0, 0.03, 0.08, 0.12]), "dup": r.choice([0.0, 0.05, 0.15, 0.25]),
                    "delay_ms": r.randint(20, 40), "mtu": r.choice(mtus[2:])}
            size = r.randint(150000, 300000)
            segs = size / (link["mtu"] - 100)
            add("window", link, {"a": size}, round(3 + segs * 2 * link["delay_ms"] / 1000 * 0.5, 1), 3.0,
                kind=r.choice(["bytes", "text", "zeros"]))
        add("dup-heavy", {"dup": 0.5, "delay_ms": 25, "mtu": 1200}, {"a": 200000}, 8, 3.0)
    elif level == 3:
        for k in range(12):
            loss, cor = r.choice([0.05, 0.08, 0.12]), r.choice([0.02, 0.04, 0.06])
            link = {"loss": loss, "dup": r.choice([0.0, 0.05, 0.1]), "reorder": r.choice([0.05, 0.15, 0.25]),
                    "reorder_ms": r.randint(15, 40), "corrupt": cor, "jitter_ms": r.randint(0, 4),
                    "delay_ms": r.randint(10, 30), "mtu": r.choice(mtus[1:])}
            size = r.randint(200000, 400000)
            segs = size / (link["mtu"] - 100)
            add("selective", link, {"a": size}, round(6 + segs * 2 * link["delay_ms"] / 1000 * 0.5, 1),
                round(1.4 / (1 - loss - cor), 3), kind=r.choice(["bytes", "text"]))
    elif level == 4:
        for k in range(4):
            bw = r.choice([300000, 500000, 800000])
            link = {"bw": bw, "buffer": r.choice([12000, 20000, 32000]), "delay_ms": r.randint(15, 35),
                    "loss": r.choice([0.0, 0.005, 0.01]), "mtu": r.choice(mtus[3:])}
            size = int(bw * r.uniform(1.5, 2.0))
            add("bottleneck", link, {"a": size}, 30, 1.35, min_rate=int(0.2 * bw))
        link = {"bw": 1000000, "buffer": 64000, "delay_ms": 10, "mtu": 1400}
        add("slow-reader", link, {"a": 2500000}, 40, 1.35, rss_kb=768,
            prof={"stalls": {"b": [[0.6, 3.5]]}, "rss_base_s": 1.0})
        for k in range(2):
            loss, cor = r.choice([0.02, 0.05]), 0.02
            link = {"bw": 600000, "buffer": 40000, "loss": loss, "corrupt": cor, "reorder": 0.1, "reorder_ms": 20,
                    "dup": 0.05, "delay_ms": 20, "mtu": 1200}
            add("mixed", link, {"a": 600000}, 30, round(1.4 / (1 - loss - cor), 3), min_rate=70000)
    elif level == 5:
        for k in range(5):
            link = {"loss": r.choice([0.02, 0.05, 0.1]), "dup": 0.05, "reorder": 0.1, "reorder_ms": 20,
                    "corrupt": 0.02, "delay_ms": r.randint(10, 25), "mtu": r.choice(mtus[2:]),
                    "bw": 600000, "buffer": 40000}
            sa, sb = r.choice([(300000, 300000), (400000, 20000), (0, 300000), (150000, 0), (1, 250000)])
            add("duplex", link, {"a": sa, "b": sb}, 30, round(1.4 / (1 - link["loss"] - 0.02), 3), eff_c=32768,
                prof={"start_s": {"a": 0.0, "b": r.choice([0.0, 0.3, 0.8])}})
        for k in range(2):
            link = {"loss": 0.03, "delay_ms": 15, "mtu": 1200, "bw": 500000, "buffer": 30000,
                    "outages": [[0.8, 0.8 + [2.5, 6.0][k]]]}
            add("outage", link, {"a": 600000, "b": 200000}, 40, 1.5, eff_c=65536)
        for k in range(3):
            link = {"loss": 0.03, "reorder": 0.1, "reorder_ms": 20, "delay_ms": 15, "mtu": 1200}
            add("ghost", link, {"a": 150000, "b": 100000}, 30, 1.5, eff_c=65536, ghost=1.5,
                prof={"start_s": {"a": 0.0, "b": 0.2}})
    return cases


def main():
    level = int(sys.argv[1])
    json.dump({"level": level, "duplex": level == 5, "cases": level_cases(level)}, open(sys.argv[2], "w"), indent=1)


if __name__ == "__main__":
    main()
