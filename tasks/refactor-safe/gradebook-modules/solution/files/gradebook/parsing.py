from .errors import GradeError


def parse_csv(text):
    """Whole CSV text -> (categories, [(name, {category: score})])."""
    lines = text.splitlines()
    if not lines:
        raise GradeError("line 1: missing header")
    header = [h.strip() for h in lines[0].split(",")]
    if "name" not in header:
        raise GradeError("line 1: no name column")
    categories = [h for h in header if h != "name"]
    if not categories or len(set(header)) != len(header) or "" in header:
        raise GradeError("line 1: bad header")
    students = []
    seen = set()
    for no, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split(",")]
        if len(cells) != len(header):
            raise GradeError("line %d: expected %d fields, got %d" % (no, len(header), len(cells)))
        row = dict(zip(header, cells))
        name = row["name"]
        if not name:
            raise GradeError("line %d: empty name" % no)
        if name in seen:
            raise GradeError("line %d: duplicate student %s" % (no, name))
        seen.add(name)
        scores = {}
        for cat in categories:
            cell = row[cat]
            if cell == "":
                scores[cat] = 0.0
                continue
            try:
                v = float(cell)
            except ValueError:
                v = -1.0
            if not 0.0 <= v <= 100.0:
                raise GradeError("line %d: bad score %r for %s" % (no, cell, cat))
            scores[cat] = v
        students.append((name, scores))
    return categories, students
