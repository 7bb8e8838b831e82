"""A spaCy component that starts a sentence at every line break.

Why: news text arrives as lines (headline, dateline, paragraphs, list items) and the parser happily
joins a headline to the next paragraph, so "US revokes visa of Turkish PhD student Zeynep Ozdemir" ends
up governing the next line's "was detained on March 25" and the detention loses its subject. Preset
boundaries are respected by spaCy's parser, so this runs before it::

    nlp.add_pipe("newsclaims_line_sentences", before="parser")
"""
from __future__ import annotations

from spacy.language import Language

NAME = "newsclaims_line_sentences"


@Language.component(NAME, assigns=["token.is_sent_start"])
def line_sentences(doc):
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def add_line_sentences(nlp):
    """Add the component before the parser (once); return the pipeline."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
