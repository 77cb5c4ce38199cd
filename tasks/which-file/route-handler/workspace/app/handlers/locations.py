import json

from app.store import db


def list_locations(req):
    return 200, json.dumps(db.all("locations"))


def update_location(req, id):
    data = json.loads(req.rfile.read(int(req.headers["Content-Length"])))
    db.update("locations", id, data)
    return 200, json.dumps(db.get("locations", id))
