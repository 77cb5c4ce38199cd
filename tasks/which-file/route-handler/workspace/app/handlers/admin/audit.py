import json

from app.store import db


def recent(req):
    return 200, json.dumps(db.all("audit")[-50:])
