#!/usr/bin/env python3
"""todo: a small to-do list kept in a JSON file.

    todo.py [--db PATH] add TEXT [--tag TAG]... [--due YYYY-MM-DD] [--priority 1..5]
    todo.py [--db PATH] list
    todo.py [--db PATH] done ID
    todo.py [--db PATH] rm ID

The database (default ./todo.json) is {"next_id": N, "items": [ITEM, ...]} where an ITEM is
{"id": int, "text": str, "tags": [str, ...], "due": "YYYY-MM-DD" or null, "priority": 1..5, "done": bool}.
Ids start at 1 and are never reused.
"""
import argparse
import datetime
import json
import os
import sys


class TodoError(Exception):
    pass


def load(path):
    if not os.path.exists(path):
        return {"next_id": 1, "items": []}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, db):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(db, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


def format_item(item):
    """One line of `list` output, e.g. '  3 [x] buy milk  p2 due:2026-01-05 #home #shop'."""
    line = "%3d [%s] %s  p%d" % (item["id"], "x" if item["done"] else " ", item["text"], item["priority"])
    if item["due"]:
        line += " due:" + item["due"]
    for tag in item["tags"]:
        line += " #" + tag
    return line


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise TodoError("bad date %r (want YYYY-MM-DD)" % text)


def find(db, ident):
    for item in db["items"]:
        if item["id"] == ident:
            return item
    raise TodoError("no item %d" % ident)


def cmd_add(db, args):
    if not args.text.strip():
        raise TodoError("empty text")
    if not 1 <= args.priority <= 5:
        raise TodoError("priority must be 1 to 5")
    item = {
        "id": db["next_id"],
        "text": args.text.strip(),
        "tags": sorted(set(args.tag or [])),
        "due": parse_date(args.due) if args.due else None,
        "priority": args.priority,
        "done": False,
    }
    db["items"].append(item)
    db["next_id"] += 1
    print("added %d" % item["id"])
    return True


def cmd_list(db, args):
    for item in sorted(db["items"], key=lambda i: i["id"]):
        print(format_item(item))
    return False


def cmd_done(db, args):
    item = find(db, args.id)
    item["done"] = True
    print("done %d" % item["id"])
    return True


def cmd_rm(db, args):
    item = find(db, args.id)
    db["items"].remove(item)
    print("removed %d" % item["id"])
    return True


def build_parser():
    p = argparse.ArgumentParser(prog="todo.py")
    p.add_argument("--db", default="todo.json", help="database file (default ./todo.json)")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("add", help="add an item")
    a.add_argument("text")
    a.add_argument("--tag", action="append", help="a tag (repeatable)")
    a.add_argument("--due", help="due date YYYY-MM-DD")
    a.add_argument("--priority", type=int, default=3, help="1 (highest) to 5 (lowest); default 3")
    a.set_defaults(func=cmd_add)
    l = sub.add_parser("list", help="list items")
    l.set_defaults(func=cmd_list)
    d = sub.add_parser("done", help="mark an item done")
    d.add_argument("id", type=int)
    d.set_defaults(func=cmd_done)
    r = sub.add_parser("rm", help="remove an item")
    r.add_argument("id", type=int)
    r.set_defaults(func=cmd_rm)
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        db = load(args.db)
        if args.func(db, args):
            save(args.db, db)
    except TodoError as e:
        print("todo: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
