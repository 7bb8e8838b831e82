"""ClaimReview JSON-LD drafts for confirmed flags; the rating is left to the human who publishes it."""
from __future__ import annotations


def claimreview(report: dict, *, author: str, date: str) -> list[dict]:
    """schema.org ClaimReview drafts for errors a reviewer confirmed; the rating is left to the human.

    A confirmed error is one with at least one confirmed article or mention flag. `firstAppearance` is
    the first use (the earliest of a tie), `appearance` every other article using the form.
    """
    confirmed_mentions = {(m["canonical"], m["url"]) for m in report["flagged_mentions"] if m["review"] == "confirmed"}
    drafts = []
    for error in report["errors"]:
        uses = [u for u in error["uses"] if u["usage"] == "uses"]
        if not any(u["review"] == "confirmed" or (error["canonical"], u["url"]) in confirmed_mentions for u in error["uses"]):
            continue
        first = error["first_use"][0]
        drafts.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": f"The name of {error['canonical']} is written “{error['form']}”.",
            "author": {"@type": "Organization", "name": author},
            "datePublished": date,
            "reviewRating": {"@type": "Rating", "alternateName": "", "ratingExplanation":
                             f"The correct spelling is {error['canonical']}; rating to be set by the reviewer."},
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": first["outlet_name"]},
                "datePublished": first["published"],
                "firstAppearance": {"@type": "CreativeWork", "url": first["url"], "headline": first["title"]},
                "appearance": [{"@type": "CreativeWork", "url": u["url"], "headline": u["title"]}
                               for u in uses if u["url"] != first["url"]],
            },
        })
    return drafts
