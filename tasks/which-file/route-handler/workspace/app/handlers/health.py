def check(req):
    return 200, '{"ok": true}'
