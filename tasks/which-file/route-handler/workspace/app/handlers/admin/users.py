import json

from app.store import db


def list_users(req):
    return 200, json.dumps(db.all("users"))


def update_user(req, id):
    data = json.loads(req.rfile.read(int(req.headers["Content-Length"])))
    db.update("users", id, data)
    return 200, "{}"
