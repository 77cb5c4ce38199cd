#!/usr/bin/env python3
"""todo: a small to-do list kept in a JSON file.

    todo.py [--db PATH] add TEXT [--tag TAG]... [--due YYYY-MM-DD] [--priority 1..5]
    todo.py [--db PATH] list [--status open|done|all] [--tag TAG]... [--search TEXT]
                             [--due-before YYYY-MM-DD] [--sort id|due|priority] [--reverse]
                             [--per-page N] [--page P]
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
    before = parse_date(args.due_before) if args.due_before else None
    paginate = args.page is not None or args.per_page is not None
    page = 1 if args.page is None else args.page
    per_page = 10 if args.per_page is None else args.per_page
    if paginate and (page < 1 or per_page < 1):
        raise TodoError("--page and --per-page must be at least 1")
    items = db["items"]
    if args.status != "all":
        want_done = args.status == "done"
        items = [i for i in items if i["done"] == want_done]
    for tag in args.tag or []:
        items = [i for i in items if tag in i["tags"]]
    if args.search is not None:
        needle = args.search.lower()
        items = [i for i in items if needle in i["text"].lower()]
    if before is not None:
        items = [i for i in items if i["due"] and i["due"] < before]
    if args.sort == "due":
        key = lambda i: (i["due"] is None, i["due"] or "", i["id"])
    elif args.sort == "priority":
        key = lambda i: (i["priority"], i["id"])
    else:
        key = lambda i: i["id"]
    items = sorted(items, key=key, reverse=args.reverse)
    total = len(items)
    if paginate:
        items = items[(page - 1) * per_page:page * per_page]
    for item in items:
        print(format_item(item))
    if paginate:
        pages = max(1, -(-total // per_page))
        print("-- page %d of %d (%d items) --" % (page, pages, total))
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
    l.add_argument("--status", choices=["open", "done", "all"], default="all")
    l.add_argument("--tag", action="append", help="required tag (repeatable)")
    l.add_argument("--search", help="case-insensitive substring of the text")
    l.add_argument("--due-before", help="only items due strictly before YYYY-MM-DD")
    l.add_argument("--sort", choices=["id", "due", "priority"], default="id")
    l.add_argument("--reverse", action="store_true")
    l.add_argument("--per-page", type=int)
    l.add_argument("--page", type=int)
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
