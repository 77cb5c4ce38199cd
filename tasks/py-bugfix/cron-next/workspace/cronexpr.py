"""cronexpr: parse cron expressions and compute when they fire next.

Format: five fields separated by white space,

    MINUTE HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK

with ranges minute 0-59, hour 0-23, day of month 1-31, month 1-12, day of week 0-7 (0 and 7 are both
Sunday, 1 is Monday).  Months may be written JAN-DEC and days of week SUN-SAT, in any letter case.  Each
field is a comma-separated list of items; an item is

    *        every value of the field
    N        one value
    N-M      the values N to M inclusive (N <= M)
    */S      every S-th value starting at the field's minimum
    N-M/S    every S-th value from N up to M inclusive: N, N+S, N+2S, ... <= M
    N/S      every S-th value from N up to the field's maximum

Values out of the field's range, N > M, S < 1 and anything else malformed raise ValueError.

Day matching follows classic (Vixie) cron: if both DAY-OF-MONTH and DAY-OF-WEEK are restricted (their
text does not start with '*'), a day matches when EITHER matches; if one of them starts with '*', only the
other one counts.

Macros: @yearly (= @annually) "0 0 1 1 *", @monthly "0 0 1 * *", @weekly "0 0 * * 0", @daily (= @midnight)
"0 0 * * *", @hourly "0 * * * *".

Times are naive datetime.datetime objects; seconds and microseconds are ignored by matches().
"""
import datetime

MACROS = {
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
}
MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
DAYS = {d: i for i, d in enumerate(["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])}

# (minimum, maximum, names)
FIELDS = [(0, 59, None), (0, 23, None), (1, 31, None), (1, 12, MONTHS), (0, 7, DAYS)]

# how far next_after() looks ahead before giving up
HORIZON_DAYS = 366 * 8


def _value(text, names):
    if names and text in names:
        return names[text]
    if not text.isdigit():
        raise ValueError("bad value %r" % text)
    return int(text)


def _parse_field(text, lo, hi, names):
    values = set()
    for item in text.split(","):
        step = 1
        if "/" in item:
            item, step_text = item.split("/", 1)
            if not step_text.isdigit() or int(step_text) < 1:
                raise ValueError("bad step %r" % step_text)
            step = int(step_text)
        if item == "*":
            start, end = lo, hi
        elif "-" in item:
            a, b = item.split("-", 1)
            start, end = _value(a, names), _value(b, names)
        else:
            start = end = _value(item, names)
        if start > end:
            raise ValueError("bad range %r" % item)
        values.update(range(start, end, step))
    return values


class CronExpr:
    def __init__(self, text):
        text = MACROS.get(text.strip().lower(), text)
        fields = text.split()
        if len(fields) != 5:
            raise ValueError("need 5 fields: %r" % text)
        parsed = [_parse_field(f, lo, hi, names) for f, (lo, hi, names) in zip(fields, FIELDS)]
        self.minutes, self.hours, self.days, self.months, self.weekdays = parsed
        self.dom_star = fields[2].startswith("*")
        self.dow_star = fields[4].startswith("*")

    def _day_ok(self, d):
        if d.month not in self.months:
            return False
        dow = (d.weekday() + 1) % 7  # Monday=1 ... Sunday=0
        return d.day in self.days and dow in self.weekdays

    def matches(self, dt):
        return self._day_ok(dt) and dt.hour in self.hours and dt.minute in self.minutes

    def next_after(self, dt):
        """The first datetime strictly after dt (with seconds = 0) that matches; ValueError if none."""
        t = dt.replace(second=0, microsecond=0)
        day = t.date()
        hour, minute = t.hour, t.minute
        for _ in range(HORIZON_DAYS):
            if self._day_ok(day):
                for h in sorted(self.hours):
                    if h < hour:
                        continue
                    for m in sorted(self.minutes):
                        if h == hour and m < minute:
                            continue
                        return datetime.datetime(day.year, day.month, day.day, h, m)
            day += datetime.timedelta(days=1)
        raise ValueError("expression never fires")
