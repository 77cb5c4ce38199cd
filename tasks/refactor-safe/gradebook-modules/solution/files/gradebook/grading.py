from .errors import GradeError


def parse_weights(spec, categories):
    """--weights text (or None for equal weights) -> {category: weight}."""
    if spec is None:
        return {c: 1.0 / len(categories) for c in categories}
    weights = {}
    for part in spec.split(","):
        k, sep, v = part.partition("=")
        k = k.strip()
        try:
            w = float(v)
        except ValueError:
            w = -1.0
        if not sep or k not in categories or k in weights or w < 0:
            raise GradeError("bad weights %r" % spec, 2)
        weights[k] = w
    if set(weights) != set(categories) or abs(sum(weights.values()) - 1.0) > 1e-9:
        raise GradeError("weights must cover every category and sum to 1", 2)
    return weights


def final_score(scores, weights, curve=0.0):
    t = sum(scores[c] * weights[c] for c in scores) + curve
    return min(100.0, max(0.0, t))


def letter(score):
    if score >= 90:
        return "A"
    if score >= 80:
        return "B"
    if score >= 70:
        return "C"
    if score >= 60:
        return "D"
    return "F"
