"""Propagation: where each error first appeared, who copied it on, and who corrected it.

- `chains`: error uses joined by copy edges that carry the error, as chains with an origin each
  (`trace_errors`); one error introduced twice is two chains, never merged on the form alone.
- `corrections`: what each new version of an article dropped or added, and whether it said so
  (`find_corrections`): a visible correction, a stealth edit or a removal. History is kept: a
  corrected use stays a member of its chain, marked with the version that fixed it.

- `story`: one story's copies, propagation and corrections from its article versions (`propagate`);
  the copy edges alone (`latest_copies`), which `analyse` finds once and the store keeps for reports.

Everything here is pure: plain dicts in (uses, copy edges from `analysis.reuse`, article versions),
plain dicts out, in the shapes of the report's `propagation` and `corrections` keys.
"""
from analysis.propagation.chains import trace_errors
from analysis.propagation.corrections import NOTICE, find_corrections
from analysis.propagation.story import propagate

__all__ = ["NOTICE", "find_corrections", "propagate", "trace_errors"]
