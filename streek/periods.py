"""Periods as the data write them: a year ``2016``, a range ``2009-2017`` or a quarter ``2017-Q1``."""
from __future__ import annotations

import re
from dataclasses import dataclass

PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{4})|-Q([1-4]))?$")
MIN_YEAR, MAX_YEAR = 1990, 2035
MIN_YEAR_CONTEXT = 1980  # Statbel land-use series start in 1983


@dataclass(frozen=True, order=True)
class Period:
    start: float  # decimal year of the start
    end: float    # decimal year of the end (inclusive, as year number)
    text: str

    @property
    def is_year(self) -> bool:
        return PERIOD_RE.match(self.text).group(2) is None and "Q" not in self.text

    @property
    def is_range(self) -> bool:
        return PERIOD_RE.match(self.text).group(2) is not None

    @property
    def mid(self) -> float:
        """A single point in time to place the period on an axis."""
        return (self.start + self.end) / 2

    @property
    def first_year(self) -> int:
        return int(self.start)

    @property
    def last_year(self) -> int:
        return int(self.end)


def parse_period(text: str) -> Period:
    """Parse a period; raise ValueError with a Dutch message when it is not one."""
    s = str(text).strip()
    m = PERIOD_RE.match(s)
    if not m:
        raise ValueError(f"'{text}' is geen periode (verwacht: een jaar zoals 2016, "
                         "een reeks zoals 2009-2017 of een kwartaal zoals 2017-Q1)")
    y = int(m.group(1))
    if m.group(2):
        y2 = int(m.group(2))
        if y2 <= y:
            raise ValueError(f"'{text}': het eindjaar moet na het beginjaar liggen")
        return Period(float(y), float(y2), s)
    if m.group(3):
        q = int(m.group(3))
        return Period(y + (q - 1) / 4, y + (q - 1) / 4, s)
    return Period(float(y), float(y), s)


def period_in_range(p: Period, lo: int = MIN_YEAR, hi: int = MAX_YEAR) -> bool:
    return lo <= p.first_year and p.last_year <= hi
