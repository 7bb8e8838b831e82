"""Claims across sources: what articles state (dates, counts, quotes, attributions, roles, details),
matched through the person clusters into claim groups, and the groups whose sources disagree.

- `extract_claims(doc, *, field, version, published, article_url, outlet, people)`: one field's claims;
- `group_claims(claims)`: claims about the same subject and slot across articles, one group each;
- `find_conflicts(groups, *, authoritative_outlets)`: the report's ``claims`` list, each group with
  its values, which value the authoritative, earliest and majority sources hold, and who deviates.
"""
from analysis.claims.conflicts import find_conflicts
from analysis.claims.extract import KINDS, extract_claims
from analysis.claims.match import group_claims

__all__ = ["KINDS", "extract_claims", "find_conflicts", "group_claims"]
