import json

from app.store import db


def level(req, sku):
    return 200, json.dumps({"sku": sku, "level": db.get("stock", sku) or 0})


def adjust(req, sku):
    delta = int(json.loads(req.rfile.read(int(req.headers["Content-Length"])))["delta"])
    db.update("stock", sku, (db.get("stock", sku) or 0) + delta)
    return 200, "{}"
