#!/usr/bin/env python3
"""mgit: git's object store and a subset of its porcelain, from scratch (reference solution of the
git-store task family).  Uses only the standard library (zlib, hashlib); never runs git."""
import hashlib, os, stat, struct, sys, time, zlib

TYPES = {1: "commit", 2: "tree", 3: "blob", 4: "tag"}
TYPENUM = {v: k for k, v in TYPES.items()}
ZERO = "0" * 40


class Fail(Exception):
    pass


def die(msg):
    raise Fail(msg)


# ---------------------------------------------------------------- repository and objects
class Repo:
    def __init__(self, gitdir):
        self.git = gitdir
        self.root = os.path.dirname(os.path.abspath(gitdir))
        self.packs = None
        self.cache = {}

    @staticmethod
    def find():
        d = os.getcwd()
        while True:
            if os.path.isdir(os.path.join(d, ".git")):
                return Repo(os.path.join(d, ".git"))
            up = os.path.dirname(d)
            if up == d:
                die("not a git repository (or any of the parent directories)")
            d = up

    def p(self, *a):
        return os.path.join(self.git, *a)

    # -- loose
    def loose_path(self, oid):
        return self.p("objects", oid[:2], oid[2:])

    def write(self, typ, data):
        raw = typ.encode() + b" " + str(len(data)).encode() + b"\0" + data
        oid = hashlib.sha1(raw).hexdigest()
        if not self.has(oid):
            path = self.loose_path(oid)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = path + ".tmp%d" % os.getpid()
            with open(tmp, "wb") as f:
                f.write(zlib.compress(raw))
            os.chmod(tmp, 0o444)
            os.replace(tmp, path)
        return oid

    def load_packs(self):
        if self.packs is None:
            self.packs = []
            d = self.p("objects", "pack")
            if os.path.isdir(d):
                for n in sorted(os.listdir(d)):
                    if n.endswith(".idx") and os.path.exists(os.path.join(d, n[:-4] + ".pack")):
                        self.packs.append(Pack(os.path.join(d, n[:-4])))
        return self.packs

    def has(self, oid):
        if os.path.exists(self.loose_path(oid)):
            return True
        return any(pk.find(oid) is not None for pk in self.load_packs())

    def read(self, oid):
        if oid in self.cache:
            return self.cache[oid]
        path = self.loose_path(oid)
        res = None
        if os.path.exists(path):
            raw = zlib.decompress(open(path, "rb").read())
            nul = raw.index(b"\0")
            typ, size = raw[:nul].split(b" ")
            res = (typ.decode(), raw[nul + 1:])
        else:
            for pk in self.load_packs():
                off = pk.find(oid)
                if off is not None:
                    res = pk.read_at(off, self)
                    break
        if res is None:
            die("object %s not found" % oid)
        if len(self.cache) > 4000:
            self.cache.clear()
        self.cache[oid] = res
        return res

    def all_ids(self):
        ids = set()
        od = self.p("objects")
        for d in os.listdir(od):
            if len(d) == 2 and os.path.isdir(os.path.join(od, d)):
                for n in os.listdir(os.path.join(od, d)):
                    if len(n) == 38 and not n.endswith(".tmp"):
                        ids.add(d + n)
        for pk in self.load_packs():
            ids.update(pk.ids())
        return ids

    def prefix(self, pre):
        pre = pre.lower()
        found = set()
        d = self.p("objects", pre[:2])
        if os.path.isdir(d):
            found.update(pre[:2] + n for n in os.listdir(d) if (pre[:2] + n).startswith(pre) and len(n) == 38)
        for pk in self.load_packs():
            found.update(i for i in pk.ids() if i.startswith(pre))
        return found

    # -- refs
    def packed_refs(self):
        res = {}
        try:
            for line in open(self.p("packed-refs")):
                if line.startswith("#") or line.startswith("^") or not line.strip():
                    continue
                oid, name = line.split()
                res[name] = oid
        except FileNotFoundError:
            pass
        return res

    def read_ref_raw(self, name):
        """(symbolic target or None, id or None) of one ref, without following."""
        path = self.p(name)
        if os.path.isfile(path):
            s = open(path).read().strip()
            if s.startswith("ref: "):
                return s[5:], None
            return None, s
        return None, self.packed_refs().get(name)

    def resolve_ref(self, name, depth=0):
        sym, oid = self.read_ref_raw(name)
        if sym is not None:
            return self.resolve_ref(sym, depth + 1) if depth < 5 else None
        return oid

    def refs(self, prefix):
        res = dict((k, v) for k, v in self.packed_refs().items() if k.startswith(prefix))
        base = self.p(prefix)
        for dp, dns, fns in os.walk(base):
            for fn in fns:
                full = os.path.join(dp, fn)
                name = os.path.relpath(full, self.git).replace(os.sep, "/")
                if not fn.endswith(".lock"):
                    res[name] = open(full).read().strip()
        return res

    def update_ref(self, name, oid):
        path = self.p(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".lock"
        with open(tmp, "w") as f:
            f.write(oid + "\n")
        os.replace(tmp, path)

    def delete_ref(self, name):
        path = self.p(name)
        if os.path.exists(path):
            os.unlink(path)
        pr = self.p("packed-refs")
        if os.path.exists(pr):
            lines = open(pr).read().splitlines(True)
            out, skip = [], False
            for line in lines:
                if line.startswith("^"):
                    if not skip:
                        out.append(line)
                    continue
                skip = not line.startswith("#") and line.split()[-1] == name
                if not skip:
                    out.append(line)
            with open(pr + ".lock", "w") as f:
                f.writelines(out)
            os.replace(pr + ".lock", pr)

    def head(self):
        """(branch ref or None, commit id or None)."""
        sym, oid = self.read_ref_raw("HEAD")
        if sym is not None:
            return sym, self.resolve_ref(sym)
        return None, oid

    def set_head_commit(self, oid):
        branch, _ = self.head()
        self.update_ref(branch or "HEAD", oid)

    # -- revisions
    def rev(self, spec):
        s = spec
        for peel in ("^{commit}", "^{tree}", "^{}"):
            if s.endswith(peel):
                oid = self.rev(s[:-len(peel)])
                return self.peel(oid, peel[2:-1] or None)
        i = len(s)
        while i > 0 and (s[i - 1].isdigit() or s[i - 1] in "~^"):
            i -= 1
        while i < len(s) and s[i].isdigit():  # a base name ending in digits
            i += 1
        base, ops = s[:i], s[i:]
        if not base:
            die("bad revision '%s'" % spec)
        oid = self.rev_base(base)
        if oid is None:
            die("bad revision '%s'" % spec)
        j = 0
        while j < len(ops):
            c = ops[j]
            j += 1
            k = j
            while k < len(ops) and ops[k].isdigit():
                k += 1
            n = int(ops[j:k]) if k > j else 1
            j = k
            oid = self.peel(oid, "commit")
            if c == "~":
                for _ in range(n):
                    ps = parse_commit(self.read(oid)[1])["parents"]
                    if not ps:
                        die("bad revision '%s'" % spec)
                    oid = ps[0]
            else:
                if n == 0:
                    continue
                ps = parse_commit(self.read(oid)[1])["parents"]
                if len(ps) < n:
                    die("bad revision '%s'" % spec)
                oid = ps[n - 1]
        return oid

    def rev_base(self, base):
        if base == "@":
            base = "HEAD"
        for cand in (base, "refs/" + base, "refs/tags/" + base, "refs/heads/" + base):
            if cand != "HEAD" and not cand.startswith("refs/"):
                continue
            oid = self.resolve_ref(cand)
            if oid:
                return oid
        if 4 <= len(base) <= 40 and all(c in "0123456789abcdefABCDEF" for c in base):
            if len(base) == 40 and self.has(base.lower()):
                return base.lower()
            m = self.prefix(base)
            if len(m) == 1:
                return m.pop()
            if len(m) > 1:
                die("short object ID %s is ambiguous" % base)
        return None

    def peel(self, oid, want):
        while True:
            typ, data = self.read(oid)
            if typ == want or (want is None and typ != "tag"):
                return oid
            if typ == "tag":
                oid = data.split(b"\n", 1)[0].split()[1].decode()
            elif typ == "commit" and want == "tree":
                oid = parse_commit(data)["tree"]
            else:
                die("%s is a %s, not a %s" % (oid, typ, want))

    def tree_of(self, spec):
        return self.peel(self.rev(spec), "tree")


# ---------------------------------------------------------------- packs
def read_varint_size(data, pos):
    c = data[pos]
    pos += 1
    typ = (c >> 4) & 7
    size = c & 15
    shift = 4
    while c & 0x80:
        c = data[pos]
        pos += 1
        size |= (c & 0x7F) << shift
        shift += 7
    return typ, size, pos


def inflate(data, pos):
    d = zlib.decompressobj()
    out = []
    while not d.eof:
        chunk = data[pos:pos + 65536]
        if not chunk:
            die("truncated pack")
        out.append(d.decompress(chunk))
        pos += 65536
    return b"".join(out)


def delta_hdr(data, pos):
    size = shift = 0
    while True:
        c = data[pos]
        pos += 1
        size |= (c & 0x7F) << shift
        shift += 7
        if not c & 0x80:
            return size, pos


def apply_delta(base, delta):
    src, pos = delta_hdr(delta, 0)
    dst, pos = delta_hdr(delta, pos)
    if src != len(base):
        die("delta base size mismatch")
    out = bytearray()
    while pos < len(delta):
        op = delta[pos]
        pos += 1
        if op & 0x80:
            off = size = 0
            for i in range(4):
                if op & (1 << i):
                    off |= delta[pos] << (8 * i)
                    pos += 1
            for i in range(3):
                if op & (0x10 << i):
                    size |= delta[pos] << (8 * i)
                    pos += 1
            if size == 0:
                size = 0x10000
            out += base[off:off + size]
        elif op:
            out += delta[pos:pos + op]
            pos += op
        else:
            die("bad delta opcode")
    if len(out) != dst:
        die("delta result size mismatch")
    return bytes(out)


class Pack:
    def __init__(self, base):
        idx = open(base + ".idx", "rb").read()
        if idx[:4] != b"\377tOc" or struct.unpack(">I", idx[4:8])[0] != 2:
            die("%s.idx: not a version 2 pack index" % base)
        self.n = struct.unpack(">I", idx[8 + 255 * 4:8 + 256 * 4])[0]
        self.fan = struct.unpack(">256I", idx[8:8 + 1024])
        o = 8 + 1024
        self.shas = idx[o:o + 20 * self.n]
        o += 20 * self.n + 4 * self.n
        self.offs = idx[o:o + 4 * self.n]
        self.big = idx[o + 4 * self.n:]
        self.data = open(base + ".pack", "rb").read()
        if self.data[:4] != b"PACK":
            die("%s.pack: bad signature" % base)
        self._ids = None

    def ids(self):
        if self._ids is None:
            self._ids = [self.shas[i * 20:i * 20 + 20].hex() for i in range(self.n)]
        return self._ids

    def find(self, oid):
        b = bytes.fromhex(oid)
        lo = self.fan[b[0] - 1] if b[0] else 0
        hi = self.fan[b[0]]
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.shas[mid * 20:mid * 20 + 20]
            if s == b:
                off = struct.unpack(">I", self.offs[mid * 4:mid * 4 + 4])[0]
                if off & 0x80000000:
                    k = off & 0x7FFFFFFF
                    off = struct.unpack(">Q", self.big[k * 8:k * 8 + 8])[0]
                return off
            if s < b:
                lo = mid + 1
            else:
                hi = mid
        return None

    def read_at(self, off, repo):
        chain = []
        while True:
            typ, size, pos = read_varint_size(self.data, off)
            if typ == 6:
                c = self.data[pos]
                pos += 1
                rel = c & 0x7F
                while c & 0x80:
                    c = self.data[pos]
                    pos += 1
                    rel = ((rel + 1) << 7) | (c & 0x7F)
                chain.append(inflate(self.data, pos))
                off = off - rel
            elif typ == 7:
                base = self.data[pos:pos + 20].hex()
                chain.append(inflate(self.data, pos + 20))
                btyp, data = repo.read(base)
                break
            elif typ in TYPES:
                btyp, data = TYPES[typ], inflate(self.data, pos)
                break
            else:
                die("bad pack object type %d" % typ)
        for d in reversed(chain):
            data = apply_delta(data, d)
        return btyp, data


# ---------------------------------------------------------------- object formats
def parse_tree(data):
    out, pos = [], 0
    while pos < len(data):
        sp = data.index(b" ", pos)
        nul = data.index(b"\0", sp)
        mode = data[pos:sp].decode()
        out.append((mode.zfill(6), data[sp + 1:nul].decode("utf-8", "surrogateescape"), data[nul + 1:nul + 21].hex()))
        pos = nul + 21
    return out


def tree_key(e):
    mode, name = e[0], e[1]
    return name.encode("utf-8", "surrogateescape") + (b"/" if mode == "040000" else b"")


def make_tree(entries):
    out = b""
    for mode, name, oid in sorted(entries, key=tree_key):
        out += mode.lstrip("0").encode() + b" " + name.encode("utf-8", "surrogateescape") + b"\0" + bytes.fromhex(oid)
    return out


def parse_commit(data):
    head, _, msg = data.partition(b"\n\n")
    c = {"parents": [], "msg": msg}
    for line in head.split(b"\n"):
        k, _, v = line.partition(b" ")
        k = k.decode()
        if k == "parent":
            c["parents"].append(v.decode())
        elif k in ("tree", "author", "committer"):
            c[k] = v.decode("utf-8", "surrogateescape")
    return c


def ident(who):
    name = os.environ.get("GIT_%s_NAME" % who, "mgit user")
    email = os.environ.get("GIT_%s_EMAIL" % who, "mgit@localhost")
    date = os.environ.get("GIT_%s_DATE" % who)
    if date:
        date = date.lstrip("@")
    else:
        t = int(time.time())
        off = -time.timezone if not time.localtime(t).tm_isdst else -time.altzone
        date = "%d %s%02d%02d" % (t, "+" if off >= 0 else "-", abs(off) // 3600, abs(off) % 3600 // 60)
    return "%s <%s> %s" % (name, email, date)


def make_commit(repo, tree, parents, msg):
    if not msg.endswith("\n"):
        msg += "\n"
    body = "tree %s\n" % tree + "".join("parent %s\n" % p for p in parents)
    body += "author %s\ncommitter %s\n\n%s" % (ident("AUTHOR"), ident("COMMITTER"), msg)
    return repo.write("commit", body.encode())


def flatten(repo, tree, prefix="", out=None):
    """path -> (mode, id) of every non-tree entry below a tree."""
    out = {} if out is None else out
    if tree is None:
        return out
    for mode, name, oid in parse_tree(repo.read(tree)[1]):
        if mode == "040000":
            flatten(repo, oid, prefix + name + "/", out)
        else:
            out[prefix + name] = (mode, oid)
    return out


def tree_from_paths(repo, items):
    """Write the trees of a {path: (mode, id)} map; return the root tree id."""
    root = {}
    for path, (mode, oid) in items.items():
        node = root
        parts = path.split("/")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = (mode, oid)

    def write(node):
        ents = []
        for name, v in node.items():
            if isinstance(v, dict):
                ents.append(("040000", name, write(v)))
            else:
                ents.append((v[0], name, v[1]))
        return repo.write("tree", make_tree(ents))
    return write(root)


# ---------------------------------------------------------------- work tree and index
def file_blob(path):
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        return "120000", os.readlink(path).encode("utf-8", "surrogateescape"), st
    mode = "100755" if st.st_mode & 0o100 else "100644"
    return mode, open(path, "rb").read(), st


def hash_blob(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def walk_files(repo, rel=""):
    """Repository-relative paths of every file and symlink below rel (the .git directory skipped)."""
    out = []
    base = os.path.join(repo.root, rel) if rel else repo.root
    for name in sorted(os.listdir(base)):
        if name == ".git":
            continue
        p = os.path.join(base, name)
        r = rel + "/" + name if rel else name
        if os.path.isdir(p) and not os.path.islink(p):
            out += walk_files(repo, r)
        else:
            out.append(r)
    return out


class Index:
    def __init__(self, repo):
        self.repo = repo
        self.entries = {}  # path -> [stat tuple of 10 ints, mode str, id]
        path = repo.p("index")
        if not os.path.exists(path):
            return
        data = open(path, "rb").read()
        if data[:4] != b"DIRC" or hashlib.sha1(data[:-20]).digest() != data[-20:]:
            die("index file corrupt")
        ver, n = struct.unpack(">II", data[4:12])
        if ver not in (2, 3):
            die("index version %d not supported" % ver)
        pos = 12
        for _ in range(n):
            f = struct.unpack(">10I", data[pos:pos + 40])
            oid = data[pos + 40:pos + 60].hex()
            flags = struct.unpack(">H", data[pos + 60:pos + 62])[0]
            start = pos + 62
            if ver == 3 and flags & 0x4000:
                start += 2
            nul = data.index(b"\0", start)
            name = data[start:nul].decode("utf-8", "surrogateescape")
            elen = nul - pos
            pos += (elen + 8) & ~7
            self.entries[name] = [list(f), "%06o" % f[6], oid]

    def stage(self, path, mode, oid, st):
        f = [int(st.st_ctime), st.st_ctime_ns % 10**9, int(st.st_mtime), st.st_mtime_ns % 10**9,
             st.st_dev, st.st_ino, int(mode, 8), st.st_uid, st.st_gid, st.st_size]
        self.entries[path] = [[x & 0xFFFFFFFF for x in f], mode, oid]
        for other in [p for p in self.entries if p.startswith(path + "/")]:
            del self.entries[other]
        parts = path.split("/")
        for i in range(1, len(parts)):
            self.entries.pop("/".join(parts[:i]), None)

    def write(self):
        body = b"DIRC" + struct.pack(">II", 2, len(self.entries))
        for name in sorted(self.entries, key=lambda n: n.encode("utf-8", "surrogateescape")):
            f, mode, oid = self.entries[name]
            nb = name.encode("utf-8", "surrogateescape")
            f = list(f)
            f[6] = int(mode, 8)
            e = struct.pack(">10I", *f) + bytes.fromhex(oid) + struct.pack(">H", min(len(nb), 0xFFF)) + nb
            e += b"\0" * (8 - len(e) % 8)
            body += e
        body += hashlib.sha1(body).digest()
        tmp = self.repo.p("index.lock")
        with open(tmp, "wb") as fh:
            fh.write(body)
        os.replace(tmp, self.repo.p("index"))

    def items(self):
        return {p: (e[1], e[2]) for p, e in self.entries.items()}


def relpath(repo, arg):
    full = os.path.normpath(os.path.join(os.getcwd(), arg))
    r = os.path.relpath(full, repo.root)
    if r.startswith(".."):
        die("'%s' is outside repository" % arg)
    return "" if r == "." else r.replace(os.sep, "/")


# ---------------------------------------------------------------- commands
def cmd_init(args):
    d = args[0] if args else "."
    g = os.path.join(d, ".git")
    for sub in ("objects/info", "objects/pack", "refs/heads", "refs/tags"):
        os.makedirs(os.path.join(g, sub), exist_ok=True)
    if not os.path.exists(os.path.join(g, "HEAD")):
        open(os.path.join(g, "HEAD"), "w").write("ref: refs/heads/main\n")
    if not os.path.exists(os.path.join(g, "config")):
        open(os.path.join(g, "config"), "w").write("[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n")
    print("Initialized empty Git repository in %s/" % os.path.abspath(g))


def cmd_hash_object(args):
    write, typ, stdin, files = False, "blob", False, []
    it = iter(args)
    for a in it:
        if a == "-w":
            write = True
        elif a == "-t":
            typ = next(it)
        elif a == "--stdin":
            stdin = True
        else:
            files.append(a)
    if typ not in TYPENUM:
        die("invalid object type '%s'" % typ)
    repo = Repo.find() if write else None
    datas = ([sys.stdin.buffer.read()] if stdin else []) + [open(f, "rb").read() for f in files]
    for data in datas:
        if write:
            oid = repo.write(typ, data)
        else:
            oid = hashlib.sha1(typ.encode() + b" %d\0" % len(data) + data).hexdigest()
        print(oid)


def pretty(repo, typ, data):
    if typ == "tree":
        out = []
        for mode, name, oid in parse_tree(data):
            kind = "tree" if mode == "040000" else ("commit" if mode == "160000" else "blob")
            out.append("%s %s %s\t%s\n" % (mode, kind, oid, name))
        return "".join(out).encode("utf-8", "surrogateescape")
    return data


def cmd_cat_file(args):
    repo = Repo.find()
    if args == ["--batch"]:
        out = sys.stdout.buffer
        for line in sys.stdin.buffer.read().decode().splitlines():
            try:
                oid = repo.rev(line.strip())
                typ, data = repo.read(oid)
            except Fail:
                out.write(("%s missing\n" % line.strip()).encode())
                continue
            out.write(("%s %s %d\n" % (oid, typ, len(data))).encode() + data + b"\n")
        return
    if len(args) != 2:
        die("usage: mgit cat-file (-t | -s | -e | -p | TYPE) OBJECT")
    opt, spec = args
    if opt == "-e":
        try:
            repo.read(repo.rev(spec))
        except Fail:
            sys.exit(1)
        return
    oid = repo.rev(spec)
    typ, data = repo.read(oid)
    if opt == "-t":
        print(typ)
    elif opt == "-s":
        print(len(data))
    elif opt == "-p":
        sys.stdout.buffer.write(pretty(repo, typ, data))
    elif opt in TYPENUM:
        if typ != opt:
            oid = repo.peel(oid, opt)
            typ, data = repo.read(oid)
        sys.stdout.buffer.write(data)
    else:
        die("unknown option %s" % opt)


def cmd_write_tree(args):
    repo = Repo.find()
    if os.path.exists(repo.p("index")):
        print(tree_from_paths(repo, Index(repo).items()))
        return
    items = {}
    for path in walk_files(repo):
        mode, data, _ = file_blob(os.path.join(repo.root, path))
        items[path] = (mode, repo.write("blob", data))
    print(tree_from_paths(repo, items))


def cmd_commit_tree(args):
    repo = Repo.find()
    tree, parents, msgs = None, [], []
    it = iter(args)
    for a in it:
        if a == "-p":
            parents.append(repo.peel(repo.rev(next(it)), "commit"))
        elif a == "-m":
            msgs.append(next(it))
        else:
            tree = repo.peel(repo.rev(a), "tree")
    if tree is None or not msgs:
        die("usage: mgit commit-tree TREE [-p PARENT]... -m MESSAGE")
    print(make_commit(repo, tree, parents, "\n\n".join(msgs)))


def cmd_ls_tree(args):
    repo = Repo.find()
    rec = "-r" in args
    names = "--name-only" in args
    rest = [a for a in args if a not in ("-r", "--name-only")]
    if len(rest) != 1:
        die("usage: mgit ls-tree [-r] [--name-only] TREE-ISH")
    out = []

    def walk(tree, prefix):
        for mode, name, oid in parse_tree(repo.read(tree)[1]):
            if mode == "040000" and rec:
                walk(oid, prefix + name + "/")
                continue
            kind = "tree" if mode == "040000" else ("commit" if mode == "160000" else "blob")
            out.append(prefix + name + "\n" if names else "%s %s %s\t%s%s\n" % (mode, kind, oid, prefix, name))
    walk(repo.tree_of(rest[0]), "")
    sys.stdout.buffer.write("".join(out).encode("utf-8", "surrogateescape"))


def stage_path(repo, idx, path):
    full = os.path.join(repo.root, path)
    mode, data, st = file_blob(full)
    idx.stage(path, mode, repo.write("blob", data), st)


def cmd_add(args):
    repo = Repo.find()
    idx = Index(repo)
    if not args:
        die("nothing specified, nothing added")
    for a in args:
        rel = relpath(repo, a)
        full = os.path.join(repo.root, rel)
        under = [p for p in idx.entries if not rel or p == rel or p.startswith(rel + "/")]
        if os.path.isdir(full) and not os.path.islink(full):
            present = set(walk_files(repo, rel))
            for p in under:
                if p not in present:
                    del idx.entries[p]
            for p in sorted(present):
                stage_path(repo, idx, p)
        elif os.path.lexists(full):
            stage_path(repo, idx, rel)
        elif under:
            for p in under:
                del idx.entries[p]
        else:
            die("pathspec '%s' did not match any files" % a)
    idx.write()


def cmd_rm(args):
    repo = Repo.find()
    idx = Index(repo)
    cached = "--cached" in args
    paths = [relpath(repo, a) for a in args if a != "--cached"]
    for p in paths:
        if p not in idx.entries:
            die("pathspec '%s' did not match any files" % p)
    for p in paths:
        del idx.entries[p]
        if not cached:
            full = os.path.join(repo.root, p)
            if os.path.lexists(full):
                os.unlink(full)
            remove_empty_dirs(repo, os.path.dirname(p))
    idx.write()


def remove_empty_dirs(repo, d):
    while d:
        full = os.path.join(repo.root, d)
        try:
            os.rmdir(full)
        except OSError:
            return
        d = os.path.dirname(d)


def cmd_ls_files(args):
    repo = Repo.find()
    idx = Index(repo)
    for name in sorted(idx.entries, key=lambda n: n.encode("utf-8", "surrogateescape")):
        _, mode, oid = idx.entries[name]
        sys.stdout.buffer.write(("%s %s 0\t%s\n" % (mode, oid, name) if "--stage" in args or "-s" in args else name + "\n").encode("utf-8", "surrogateescape"))


def cmd_commit(args):
    repo = Repo.find()
    if len(args) != 2 or args[0] != "-m":
        die("usage: mgit commit -m MESSAGE")
    tree = tree_from_paths(repo, Index(repo).items())
    _, head = repo.head()
    oid = make_commit(repo, tree, [head] if head else [], args[1])
    repo.set_head_commit(oid)
    print(oid)


def fmt_date(stamp):
    secs, tz = stamp.split()
    sign = -1 if tz[0] == "-" else 1
    off = sign * (int(tz[1:3]) * 3600 + int(tz[3:5]) * 60)
    t = time.gmtime(int(secs) + off)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "%s %s %d %02d:%02d:%02d %d %s" % (days[t.tm_wday], months[t.tm_mon - 1], t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_year, tz)


def cmd_log(args):
    repo = Repo.find()
    oid = repo.peel(repo.rev(args[0]), "commit") if args else repo.head()[1]
    out = []
    while oid:
        c = parse_commit(repo.read(oid)[1])
        who = c["author"]
        lt = who.rindex(">")
        name_email, date = who[:lt + 1], who[lt + 2:]
        msg = c["msg"].decode("utf-8", "surrogateescape").rstrip("\n")
        block = "commit %s\n" % oid
        if len(c["parents"]) > 1:
            block += "Merge: %s\n" % " ".join(p[:7] for p in c["parents"])
        block += "Author: %s\nDate:   %s\n\n" % (name_email, fmt_date(date))
        block += "".join("    %s\n" % line for line in msg.split("\n"))
        out.append(block)
        oid = c["parents"][0] if c["parents"] else None
    sys.stdout.buffer.write("\n".join(out).encode("utf-8", "surrogateescape"))


def cmd_rev_parse(args):
    repo = Repo.find()
    for a in args:
        print(repo.rev(a))


def cmd_symbolic_ref(args):
    repo = Repo.find()
    if len(args) == 2:
        open(repo.p(args[0]), "w").write("ref: %s\n" % args[1])
        return
    sym, _ = repo.read_ref_raw(args[0] if args else "HEAD")
    if sym is None:
        die("ref HEAD is not a symbolic ref")
    print(sym)


def status_entries(repo):
    """(tracked lines, untracked paths) as `status --porcelain` prints them."""
    _, head = repo.head()
    ht = flatten(repo, repo.peel(head, "tree")) if head else {}
    idx = Index(repo)
    ix = idx.items()
    lines = []
    wt = {}
    for p in set(ht) | set(ix):
        x = y = " "
        if p not in ix:
            x = "D"
        elif p not in ht:
            x = "A"
        elif ht[p] != ix[p]:
            x = "T" if (ht[p][0] == "120000") != (ix[p][0] == "120000") else "M"
        if p in ix:
            full = os.path.join(repo.root, p)
            if not os.path.lexists(full) or (os.path.isdir(full) and not os.path.islink(full)):
                y = "D"
            else:
                mode, data, _ = file_blob(full)
                oid = hash_blob(data)
                if (mode == "120000") != (ix[p][0] == "120000"):
                    y = "T"
                elif mode != ix[p][0] or oid != ix[p][1]:
                    y = "M"
        if x + y != "  ":
            lines.append((p, x + y))
    tracked_dirs = set()
    for p in ix:
        parts = p.split("/")
        for i in range(1, len(parts)):
            tracked_dirs.add("/".join(parts[:i]))
    untracked = []

    def walk(rel):
        base = os.path.join(repo.root, rel) if rel else repo.root
        for name in sorted(os.listdir(base)):
            if name == ".git":
                continue
            r = rel + "/" + name if rel else name
            full = os.path.join(base, name)
            if os.path.isdir(full) and not os.path.islink(full):
                if r in tracked_dirs:
                    walk(r)
                elif walk_files(repo, r):
                    untracked.append(r + "/")
            elif r not in ix:
                untracked.append(r)
    walk("")
    wt.clear()
    return sorted(lines), sorted(untracked)


def cmd_status(args):
    repo = Repo.find()
    lines, untracked = status_entries(repo)
    out = "".join("%s %s\n" % (xy, p) for p, xy in lines) + "".join("?? %s\n" % p for p in untracked)
    sys.stdout.buffer.write(out.encode("utf-8", "surrogateescape"))


def switch_tree(repo, target_tree):
    """Make the index and work tree match a tree (the work tree's tracked files must be clean)."""
    idx = Index(repo)
    cur = idx.items()
    new = flatten(repo, target_tree)
    for p in new:
        full = os.path.join(repo.root, p)
        if p not in cur and os.path.lexists(full) and not (os.path.isdir(full) and not os.path.islink(full)):
            mode, data, _ = file_blob(full)
            if (mode, hash_blob(data)) != new[p]:
                die("untracked working tree file '%s' would be overwritten" % p)
    for p in sorted(set(cur) - set(new), reverse=True):
        full = os.path.join(repo.root, p)
        if os.path.lexists(full):
            os.unlink(full)
        del idx.entries[p]
        remove_empty_dirs(repo, os.path.dirname(p))
    for p in sorted(new):
        mode, oid = new[p]
        full = os.path.join(repo.root, p)
        if cur.get(p) == (mode, oid) and os.path.lexists(full):
            continue
        parts = p.split("/")
        for i in range(1, len(parts)):
            d = os.path.join(repo.root, *parts[:i])
            if os.path.lexists(d) and not os.path.isdir(d):
                os.unlink(d)
        os.makedirs(os.path.dirname(full) or repo.root, exist_ok=True)
        if os.path.isdir(full) and not os.path.islink(full):
            import shutil
            shutil.rmtree(full)
        elif os.path.lexists(full):
            os.unlink(full)
        data = repo.read(oid)[1]
        if mode == "120000":
            os.symlink(data.decode("utf-8", "surrogateescape"), full)
        else:
            with open(full, "wb") as f:
                f.write(data)
            os.chmod(full, 0o755 if mode == "100755" else 0o644)
        idx.stage(p, mode, oid, os.lstat(full))
    idx.write()


def require_clean(repo):
    lines, _ = status_entries(repo)
    if lines:
        die("your local changes would be overwritten; commit them first")


def cmd_checkout(args):
    repo = Repo.find()
    newbranch = None
    if args and args[0] == "-b":
        newbranch = args[1]
        args = args[2:]
    if newbranch is None and len(args) != 1:
        die("usage: mgit checkout [-b NAME] [START]")
    spec = args[0] if args else "HEAD"
    target = repo.peel(repo.rev(spec), "commit")
    if newbranch and repo.resolve_ref("refs/heads/" + newbranch):
        die("a branch named '%s' already exists" % newbranch)
    require_clean(repo)
    switch_tree(repo, repo.peel(target, "tree"))
    if newbranch:
        repo.update_ref("refs/heads/" + newbranch, target)
        open(repo.p("HEAD"), "w").write("ref: refs/heads/%s\n" % newbranch)
    elif repo.resolve_ref("refs/heads/" + spec) and "/" not in spec or spec.startswith("refs/heads/"):
        name = spec if spec.startswith("refs/heads/") else "refs/heads/" + spec
        open(repo.p("HEAD"), "w").write("ref: %s\n" % name)
    else:
        open(repo.p("HEAD"), "w").write(target + "\n")


def valid_branch(name):
    bad = name.startswith("-") or name.startswith("/") or name.endswith("/") or ".." in name or name.endswith(".lock")
    return name and not bad and not any(c in name for c in " ~^:?*[\\") and "//" not in name and name != "HEAD"


def cmd_branch(args):
    repo = Repo.find()
    cur, head = repo.head()
    if not args:
        out = []
        if cur is None and head:
            out.append("* (HEAD detached at %s)\n" % head[:7])
        for name in sorted(repo.refs("refs/heads/")):
            out.append("%s %s\n" % ("*" if name == cur else " ", name[len("refs/heads/"):]))
        sys.stdout.write("".join(out))
        return
    if args[0] in ("-D", "-d"):
        for b in args[1:]:
            ref = "refs/heads/" + b
            if ref == cur:
                die("cannot delete branch '%s' checked out" % b)
            if not repo.resolve_ref(ref):
                die("branch '%s' not found" % b)
            repo.delete_ref(ref)
        return
    name = args[0]
    if not valid_branch(name):
        die("'%s' is not a valid branch name" % name)
    if repo.resolve_ref("refs/heads/" + name):
        die("a branch named '%s' already exists" % name)
    start = repo.peel(repo.rev(args[1] if len(args) > 1 else "HEAD"), "commit")
    repo.update_ref("refs/heads/" + name, start)


def cmd_diff_tree(args):
    repo = Repo.find()
    rest = [a for a in args if a not in ("-r",)]
    if len(rest) != 2:
        die("usage: mgit diff-tree -r TREE-ISH TREE-ISH")
    a = flatten(repo, repo.tree_of(rest[0]))
    b = flatten(repo, repo.tree_of(rest[1]))
    out = []
    for p in sorted(set(a) | set(b), key=lambda s: s.encode("utf-8", "surrogateescape")):
        if a.get(p) == b.get(p):
            continue
        if p not in a:
            out.append(":000000 %s %s %s A\t%s\n" % (b[p][0], ZERO, b[p][1], p))
        elif p not in b:
            out.append(":%s 000000 %s %s D\t%s\n" % (a[p][0], a[p][1], ZERO, p))
        else:
            st = "T" if (a[p][0] == "120000") != (b[p][0] == "120000") else "M"
            out.append(":%s %s %s %s %s\t%s\n" % (a[p][0], b[p][0], a[p][1], b[p][1], st, p))
    sys.stdout.buffer.write("".join(out).encode("utf-8", "surrogateescape"))


# ---------------------------------------------------------------- merge
def ancestors(repo, oid):
    seen, todo = set(), [oid]
    while todo:
        o = todo.pop()
        if o in seen:
            continue
        seen.add(o)
        todo.extend(parse_commit(repo.read(o)[1])["parents"])
    return seen


def merge_base(repo, a, b):
    common = ancestors(repo, a) & ancestors(repo, b)
    best = [c for c in common if not any(c != d and c in ancestors(repo, d) for d in common)]
    if len(best) > 1:
        die("more than one merge base: not supported")
    return best[0] if best else None


def changes(base, other):
    import difflib
    sm = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]


def merge_lines(base, ours, theirs):
    co, ct = changes(base, ours), changes(base, theirs)
    allc = sorted([(c, 0) for c in co] + [(c, 1) for c in ct], key=lambda x: (x[0][0], x[0][1]))
    for (c1, s1), (c2, s2) in zip(allc, allc[1:]):
        if s1 != s2 and c2[0] <= c1[1] and not (c1 == c2):
            return None
    out, pos, last = [], 0, None
    for (i1, i2, rep), side in allc:
        if last == (i1, i2, rep):
            continue
        out += base[pos:i1]
        out += rep
        pos = i2
        last = (i1, i2, rep)
    return out + base[pos:]


def cmd_merge(args):
    repo = Repo.find()
    msg, spec = None, None
    it = iter(args)
    for a in it:
        if a == "-m":
            msg = next(it)
        else:
            spec = a
    if spec is None or msg is None:
        die("usage: mgit merge BRANCH -m MESSAGE")
    theirs = repo.peel(repo.rev(spec), "commit")
    _, ours = repo.head()
    require_clean(repo)
    if theirs in ancestors(repo, ours):
        print("Already up to date.")
        return
    base = merge_base(repo, ours, theirs)
    if base == ours:
        switch_tree(repo, repo.peel(theirs, "tree"))
        repo.set_head_commit(theirs)
        print("Fast-forward")
        return
    B = flatten(repo, repo.peel(base, "tree")) if base else {}
    O = flatten(repo, repo.peel(ours, "tree"))
    T = flatten(repo, repo.peel(theirs, "tree"))
    res, conflicts = {}, []
    for p in set(B) | set(O) | set(T):
        b, o, t = B.get(p), O.get(p), T.get(p)
        if o == t:
            r = o
        elif b == o:
            r = t
        elif b == t:
            r = o
        elif b and o and t and "120000" not in (b[0], o[0], t[0]):
            mode = o[0] if t[0] == b[0] else t[0] if o[0] == b[0] else None
            if mode is None:
                conflicts.append(p)
                continue
            split = lambda oid: repo.read(oid)[1].splitlines(True)
            m = merge_lines(split(b[1]), split(o[1]), split(t[1]))
            if m is None:
                conflicts.append(p)
                continue
            r = (mode, repo.write("blob", b"".join(m)))
        else:
            conflicts.append(p)
            continue
        if r is not None:
            res[p] = r
    paths = set(res)
    for p in res:
        parts = p.split("/")
        if any("/".join(parts[:i]) in paths for i in range(1, len(parts))):
            conflicts.append(p)
    if conflicts:
        die("merge conflict in %s; nothing changed" % ", ".join(sorted(conflicts)))
    tree = tree_from_paths(repo, res)
    switch_tree(repo, tree)
    oid = make_commit(repo, tree, [ours, theirs], msg)
    repo.set_head_commit(oid)
    print(oid)


# ---------------------------------------------------------------- repack
def make_delta(base, target, index):
    out = bytearray()

    def varint(n):
        b = bytearray()
        while True:
            c = n & 0x7F
            n >>= 7
            if n:
                b.append(c | 0x80)
            else:
                b.append(c)
                return b
    out += varint(len(base)) + varint(len(target))
    ins = bytearray()

    def flush():
        for k in range(0, len(ins), 127):
            part = ins[k:k + 127]
            out.append(len(part))
            out.extend(part)
        ins.clear()
    i, n, B = 0, len(target), 16
    while i < n:
        off = index.get(target[i:i + B]) if i + B <= n else None
        if off is None:
            ins.append(target[i])
            i += 1
            continue
        ln = B
        limit = min(n - i, len(base) - off, 0xFFFFFF)
        step = 64
        while ln < limit:  # extend the match: by growing slices, then halving steps
            k = min(step, limit - ln)
            if target[i + ln:i + ln + k] == base[off + ln:off + ln + k]:
                ln += k
                step *= 2
            elif k == 1:
                break
            else:
                step = max(1, k // 2)
        flush()
        op, args = 0x80, bytearray()
        for k in range(4):
            byte = (off >> (8 * k)) & 0xFF
            if byte:
                op |= 1 << k
                args.append(byte)
        for k in range(3):
            byte = (ln >> (8 * k)) & 0xFF
            if byte:
                op |= 0x10 << k
                args.append(byte)
        out.append(op)
        out += args
        i += ln
    flush()
    return bytes(out)


def block_index(base):
    idx = {}
    for k in range(0, len(base) - 15, 16):
        idx.setdefault(base[k:k + 16], k)
    return idx


def cmd_repack(args):
    repo = Repo.find()
    ids = sorted(repo.all_ids())
    names = {}
    heads = list(repo.refs("refs/").values())
    _, h = repo.head()
    if h:
        heads.append(h)
    todo = [(x, "") for x in heads]
    while todo:
        oid, name = todo.pop()
        if oid in names:
            continue
        names[oid] = name
        typ, data = repo.read(oid)
        if typ == "commit":
            c = parse_commit(data)
            todo.append((c["tree"], ""))
            todo.extend((p, "") for p in c["parents"])
        elif typ == "tag":
            todo.append((data.split(b"\n", 1)[0].split()[1].decode(), ""))
        elif typ == "tree":
            todo.extend((o, n) for _, n, o in parse_tree(data))
    objs = []
    for oid in ids:
        typ, data = repo.read(oid)
        objs.append((TYPENUM[typ], names.get(oid, "")[::-1], -len(data), oid, data))
    objs.sort()
    pack = bytearray(b"PACK" + struct.pack(">II", 2, len(objs)))
    entries, window, depth = [], [], {}
    for tnum, name, _, oid, data in objs:
        best = None
        if tnum in (2, 3) and len(data) > 32:
            for boff, boid, bdata, bidx, btype in reversed(window):
                if btype == tnum and depth.get(boid, 0) < 40:
                    d = make_delta(bdata, data, bidx)
                    if len(d) < len(data) // 2 and (best is None or len(d) < len(best[1])):
                        best = (boff, d, boid)
                        if len(d) < len(data) // 8:
                            break
        off = len(pack)
        if best:
            body = best[1]
            hdr = pack_header(6, len(body))
            rel = off - best[0]
            enc = bytearray([rel & 0x7F])
            rel >>= 7
            while rel:
                rel -= 1
                enc.insert(0, 0x80 | (rel & 0x7F))
                rel >>= 7
            chunk = hdr + bytes(enc) + zlib.compress(body)
            depth[oid] = depth.get(best[2], 0) + 1
        else:
            chunk = pack_header(tnum, len(data)) + zlib.compress(data)
        pack += chunk
        entries.append((oid, off, zlib.crc32(chunk) & 0xFFFFFFFF))
        if tnum in (2, 3):
            window.append((off, oid, data, block_index(data), tnum))
            window = window[-10:]
    pack += hashlib.sha1(pack).digest()
    entries.sort()
    idx = bytearray(b"\377tOc" + struct.pack(">I", 2))
    counts = [0] * 256
    for oid, _, _ in entries:
        counts[int(oid[:2], 16)] += 1
    tot = 0
    for c in counts:
        tot += c
        idx += struct.pack(">I", tot)
    for oid, _, _ in entries:
        idx += bytes.fromhex(oid)
    for _, _, crc in entries:
        idx += struct.pack(">I", crc)
    for _, off, _ in entries:
        idx += struct.pack(">I", off)
    idx += pack[-20:]
    idx += hashlib.sha1(idx).digest()
    pd = repo.p("objects", "pack")
    os.makedirs(pd, exist_ok=True)
    name = "pack-" + pack[-20:].hex()
    old = [f for f in os.listdir(pd) if f.startswith("pack-") and not f.startswith(name)]
    for ext, blob in ((".pack", pack), (".idx", idx)):
        with open(os.path.join(pd, name + ext + ".tmp"), "wb") as f:
            f.write(blob)
            f.flush()
            os.fsync(f.fileno())
    os.replace(os.path.join(pd, name + ".pack.tmp"), os.path.join(pd, name + ".pack"))
    os.replace(os.path.join(pd, name + ".idx.tmp"), os.path.join(pd, name + ".idx"))
    for f in old:
        os.unlink(os.path.join(pd, f))
    od = repo.p("objects")
    for d in os.listdir(od):
        if len(d) == 2 and os.path.isdir(os.path.join(od, d)):
            for n in os.listdir(os.path.join(od, d)):
                os.unlink(os.path.join(od, d, n))
            os.rmdir(os.path.join(od, d))
    print("%d objects, %d deltas" % (len(objs), sum(1 for oid in depth)))


def pack_header(tnum, size):
    c = (tnum << 4) | (size & 15)
    size >>= 4
    out = bytearray()
    while size:
        out.append(c | 0x80)
        c = size & 0x7F
        size >>= 7
    out.append(c)
    return bytes(out)


COMMANDS = {"init": cmd_init, "hash-object": cmd_hash_object, "cat-file": cmd_cat_file, "write-tree": cmd_write_tree,
            "commit-tree": cmd_commit_tree, "ls-tree": cmd_ls_tree, "add": cmd_add, "rm": cmd_rm, "ls-files": cmd_ls_files,
            "commit": cmd_commit, "log": cmd_log, "rev-parse": cmd_rev_parse, "symbolic-ref": cmd_symbolic_ref,
            "status": cmd_status, "checkout": cmd_checkout, "branch": cmd_branch, "diff-tree": cmd_diff_tree,
            "merge": cmd_merge, "repack": cmd_repack}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.stderr.write("usage: mgit COMMAND [ARGS]\n")
        sys.exit(2)
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except Fail as e:
        sys.stderr.write("mgit: %s\n" % e)
        sys.exit(1)
    except (OSError, StopIteration, IndexError, ValueError, zlib.error) as e:
        sys.stderr.write("mgit: %s\n" % e)
        sys.exit(1)


if __name__ == "__main__":
    main()
