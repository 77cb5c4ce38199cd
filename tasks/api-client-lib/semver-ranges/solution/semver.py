"""semver: Semantic Versioning 2.0.0 versions (see API.md)."""
import functools
import re

_NUM = r"(0|[1-9]\d*)"
_IDENT = r"(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)"
_VERSION = re.compile(
    _NUM + r"\." + _NUM + r"\." + _NUM +
    r"(?:-(" + _IDENT + r"(?:\." + _IDENT + r")*))?"
    r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?")


@functools.total_ordering
class Version:
    """An immutable semantic version."""

    __slots__ = ("major", "minor", "patch", "prerelease", "build")

    def __init__(self, major, minor, patch, prerelease=(), build=()):
        object.__setattr__(self, "major", major)
        object.__setattr__(self, "minor", minor)
        object.__setattr__(self, "patch", patch)
        object.__setattr__(self, "prerelease", tuple(prerelease))
        object.__setattr__(self, "build", tuple(build))

    def __setattr__(self, name, value):
        raise AttributeError("Version is immutable")

    @classmethod
    def parse(cls, text):
        """Parse 'MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]'; ValueError if invalid."""
        if not isinstance(text, str):
            raise ValueError("invalid version: %r" % (text,))
        m = _VERSION.fullmatch(text.strip())
        if not m:
            raise ValueError("invalid version: %r" % (text,))
        major, minor, patch, pre, build = m.groups()
        prerelease = tuple(int(p) if p.isdigit() else p for p in pre.split(".")) if pre else ()
        return cls(int(major), int(minor), int(patch), prerelease, tuple(build.split(".")) if build else ())

    def __str__(self):
        s = "%d.%d.%d" % (self.major, self.minor, self.patch)
        if self.prerelease:
            s += "-" + ".".join(str(p) for p in self.prerelease)
        if self.build:
            s += "+" + ".".join(self.build)
        return s

    def __repr__(self):
        return "Version(%r)" % str(self)

    # -- precedence -----------------------------------------------------------
    def _key(self):
        if not self.prerelease:
            pre = (1,)
        else:
            pre = (0,) + tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in self.prerelease)
        return (self.major, self.minor, self.patch, pre)

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def bump(self, part):
        m, n, p, pre = self.major, self.minor, self.patch, bool(self.prerelease)
        if part == "patch":
            return Version(m, n, p) if pre else Version(m, n, p + 1)
        if part == "minor":
            return Version(m, n, p) if pre and p == 0 else Version(m, n + 1, 0)
        if part == "major":
            return Version(m, n, p) if pre and n == 0 and p == 0 else Version(m + 1, 0, 0)
        raise ValueError("bad part: %r" % (part,))


_OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
        "<": lambda a, b: a < b, "=": lambda a, b: a == b}
_PARTIAL = re.compile(r"(?:[xX*]|" + _NUM + r"(?:\.(?:[xX*]|" + _NUM + r"(?:\.[xX*])?))?)")


def _comparators(token):
    """One written comparator -> (list of (op, Version), written Version or None)."""
    m = re.fullmatch(r"(>=|<=|>|<|=)?(.*)", token)
    op, rest = m.group(1), m.group(2)
    if op:
        v = Version.parse(rest)
        return [(op, v)], v
    if rest[:1] in "^~" and rest:
        v = Version.parse(rest[1:])
        if rest[0] == "~":
            hi = Version(v.major, v.minor + 1, 0)
        elif v.major > 0:
            hi = Version(v.major + 1, 0, 0)
        elif v.minor > 0:
            hi = Version(0, v.minor + 1, 0)
        else:
            hi = Version(0, 0, v.patch + 1)
        return [(">=", v), ("<", hi)], v
    if _VERSION.fullmatch(rest):
        v = Version.parse(rest)
        return [("=", v)], v
    pm = _PARTIAL.fullmatch(rest)
    if not pm or not rest:
        raise ValueError("bad comparator: %r" % (token,))
    parts = rest.split(".")
    nums = []
    for p in parts:
        if p in ("x", "X", "*"):
            break
        nums.append(int(p))
    if not nums:
        return [(">=", Version(0, 0, 0))], None
    if len(nums) == 1:
        return [(">=", Version(nums[0], 0, 0)), ("<", Version(nums[0] + 1, 0, 0))], None
    if len(nums) == 2:
        return [(">=", Version(nums[0], nums[1], 0)), ("<", Version(nums[0], nums[1] + 1, 0))], None
    raise ValueError("bad comparator: %r" % (token,))


def _parse_set(text):
    tokens = re.sub(r"(>=|<=|>|<|=)\s+", r"\1", text.strip()).split()
    if not tokens:
        raise ValueError("empty comparator set")
    comps, written = [], []
    for t in tokens:
        c, w = _comparators(t)
        comps.extend(c)
        if w is not None:
            written.append(w)
    return comps, written


def satisfies(version, range_text):
    if isinstance(version, str):
        version = Version.parse(version)
    if not isinstance(range_text, str) or not range_text.strip():
        raise ValueError("empty range")
    sets = [_parse_set(s) for s in range_text.split("||")]
    for comps, written in sets:
        if not all(_OPS[op](version, v) for op, v in comps):
            continue
        if version.prerelease and not any(
                w.prerelease and (w.major, w.minor, w.patch) == (version.major, version.minor, version.patch)
                for w in written):
            continue
        return True
    return False
