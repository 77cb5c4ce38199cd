_tables = {}


def all(table):
    return list(_tables.get(table, {}).values())


def get(table, key):
    return _tables.get(table, {}).get(key)


def insert(table, row):
    t = _tables.setdefault(table, {})
    key = str(len(t) + 1)
    t[key] = dict(row, id=key, version=1)
    return t[key]


def update(table, key, row):
    _tables.setdefault(table, {})[key] = row


def delete(table, key):
    _tables.get(table, {}).pop(key, None)
