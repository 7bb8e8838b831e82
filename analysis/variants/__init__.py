"""Name variants: cluster the surfaces of each person, decide the canonical form from evidence, classify
every surface with the rule that decided it, and flag the mentions, articles and outlets that use an error.

Two entry points share one clusterer:

- `analyse_variants` for a story's mentions, with outlet evidence (authoritative outlets, dates, a
  user's pins and accepted variants);
- `cluster_name_list` for a plain list of names with counts (`newsclaims variants cluster`).

How two names are linked (record linkage, not one similarity threshold):

1. Surfaces that differ only in title, case, accents, hyphens, spaces or "SURNAME, Given" order are one
   *form* (one person-name), before anything is compared.
2. Candidate pairs of forms come from blocking on the surname's Metaphone and NYSIIS keys combined with
   the first given name's initial, romanisation skeleton or nickname group, never from all pairs.
   Metaphone, unlike Soundex, keeps Coppinger/Koppinger and Cathcart/Kathcart together.
3. Each candidate pair is compared part by part (`compare_names`): a surname typo under the same given
   name is one person; the same surname under clearly different given names is two people and may
   never be merged (Andrew and Chris Lucchesi, Thomas and Patricia Brennan), even through a chain of
   other links; a nickname (Bob/Robert), an initial or a documented romanisation (Sergey/Sergei) makes
   given names compatible; a given name a typo away (Micheal/Michael) is one person only when usage
   says so: one form very much rarer than the other, and no title or shared article separating them.
   A typo between two surnames that each occur with several given names is two surnames, not a typo
   (John Smith/John Smyth): a shared common surname is weak evidence.
4. Shorter forms (surname alone, initials, a missing middle name) attach to the one person they fit,
   and stay unattached when two fit.

Why evidence and not frequency for the canonical form: a misspelling that an aggregator introduced and
others copied can easily outnumber the right spelling (the Coppinger/Koppinger case). The outlets a
story config marks authoritative, and who used a form first, outrank how often it appears.

Input mentions are plain dicts with `mention_id`, `surface`, `article_id`, `origin` (the outlet),
`authoritative`, `published` and `usage` ('uses', 'quoted' or 'cut'). Output is plain data too.
"""
from analysis.evidence import form_key
from analysis.records import Form, Linkage, VariantResult
from analysis.variants.blocking import block_skeleton, candidate_pairs
from analysis.variants.compare import Comparison, compare_names, format_rules, given_relation, same_person, surnames_fit
from analysis.variants.linkage import link_forms
from analysis.variants.name_list import (
                                       NameListError,
                                       cluster_name_list,
                                       cluster_names,
                                       name_problem,
                                       validate_name_rows,
)
from analysis.variants.story import analyse_variants

__all__ = ["Comparison", "Form", "Linkage", "NameListError", "VariantResult", "analyse_variants", "block_skeleton",
           "candidate_pairs", "cluster_name_list", "cluster_names", "compare_names", "form_key", "format_rules",
           "given_relation", "link_forms", "name_problem", "same_person", "surnames_fit", "validate_name_rows"]
