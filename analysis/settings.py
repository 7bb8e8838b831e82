"""The settings that change what analysis finds, as one frozen record built once and passed down.

Why a record: a result must be reproducible from its settings alone (as spaCy's config is the whole
truth), so every value that changes output lives here, is stored with each analysis run beside
`analysis.RULESET_VERSION`, and nothing deeper reads a setting on its own.

`RANGES` states each value's valid range; the shell (`newsclaims.settings`) checks a user's values
against it and names the setting and range in its one-line error.

>>> AnalysisSettings().score_cutoff
80.0
>>> AnalysisSettings(score_cutoff=85).as_dict()["score_cutoff"]
85.0
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

#: field -> (setting name, type, lowest, highest): what the shell accepts for each value.
RANGES: dict[str, tuple[str, type, float, float]] = {
    "score_cutoff": ("NEWSCLAIMS_VARIANT_CUTOFF", float, 50, 100),
    "min_n": ("NEWSCLAIMS_REPORT_MIN_N", int, 1, 100_000),
}


@dataclass(frozen=True)
class AnalysisSettings:
    """score_cutoff: rapidfuzz similarity (0-100) at which two surnames may be one person's spelling.
    min_n: outlets are ranked by error rate only from this many articles mentioning the people concerned.
    """

    score_cutoff: float = 80.0
    min_n: int = 3

    def __post_init__(self) -> None:
        # Normalise the type so stored settings compare equal whatever the caller passed (80 vs 80.0).
        object.__setattr__(self, "score_cutoff", float(self.score_cutoff))
        object.__setattr__(self, "min_n", int(self.min_n))

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULTS = AnalysisSettings()
