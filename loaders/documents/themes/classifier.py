"""Which GCM objectives a passage discusses, from its words: the objective terms of the reference data.

``objective-terms.csv`` (derived from the GCM's description of each objective, see
loaders/reference/objectiveterms.py) gives each objective a weighted set of terms, an L2-normalised vector.
A passage is read through the same :func:`terms`, counted with scikit-learn's CountVectorizer over that
vocabulary, its counts made sublinear (1 + ln n) and L2-normalised; its score for an objective is the cosine
of the two vectors. Among the objectives in scope (its session's, or all 23 where no session applies), a
passage is about an objective whose score is at least ``MIN_SCORE`` and at least ``SHARE_OF_BEST`` of the best
score in scope. A passage that already names objectives (an "Objective N" heading or reference) is about
them and is classified under no other: its author said what it is about, and the neighbours' vocabulary a
section headed by one objective holds was, measured on the hand labellings, more often a false link than a
missed one (tests/gold/README.md). The work per passage is proportional to its length; nothing is read from the
network.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from gcmkg.loaders.reference.concepts import OBJECTIVE_COUNT
from gcmkg.loaders.reference.words import terms
from gcmkg.loaders.table import read_table

#: The two global parameters of the decision (see tests/gold/README.md for how they were chosen).
MIN_SCORE = 0.15
SHARE_OF_BEST = 0.7
#: Where no session applies the passage is weighed against all 23 objectives: it must score this much more.
ALL_OBJECTIVES_FACTOR = 1.5
#: The method, as the graph records it (prov:wasGeneratedBy).
METHOD = "objective-terms-cosine"


def method_description() -> str:
    """The method and its parameters in a sentence, as the graph records it."""
    return (
        "Cosine of the passage's Snowball-stemmed words and word pairs (sublinear counts, L2 norm; scikit-learn) "
        "with each objective's TF-IDF term weights derived from A/RES/73/195, paragraphs 17-39 "
        f"(objective-terms.csv); an objective in scope is kept at a score of at least {MIN_SCORE} "
        f"({MIN_SCORE * ALL_OBJECTIVES_FACTOR:g} where all 23 objectives are in scope) and at least "
        f"{SHARE_OF_BEST} of the best score in scope; a passage that names objectives is not classified."
    )


@dataclass(frozen=True)
class Classified:
    """An objective a passage was found to discuss, with its score (cosine, 0 to 1)."""

    objective: int
    score: float


class ObjectiveClassifier:
    """Scores passages against the 23 objectives' term vectors (see the module docstring)."""

    def __init__(self, weights: dict[int, dict[str, float]]) -> None:
        vocabulary = sorted({term for terms_of in weights.values() for term in terms_of})
        column = {term: index for index, term in enumerate(vocabulary)}
        matrix = np.zeros((OBJECTIVE_COUNT, len(vocabulary)))
        for objective, terms_of in weights.items():
            for term, weight in terms_of.items():
                matrix[objective - 1, column[term]] = weight
        self._objectives = normalize(matrix)
        self._counter = CountVectorizer(analyzer=terms, vocabulary=column)

    @classmethod
    def from_file(cls, path: Path) -> ObjectiveClassifier:
        """The classifier of ``objective-terms.csv`` (objective,term,weight,title); TableError names a bad line."""
        weights: dict[int, dict[str, float]] = {}
        for row in read_table(path, ("objective", "term", "weight", "title")):
            objective = row.integer("objective")
            if not 1 <= objective <= OBJECTIVE_COUNT:
                raise row.error(f"objective {objective} is not between 1 and {OBJECTIVE_COUNT}")
            try:
                weights.setdefault(objective, {})[row.text("term")] = float(row.text("weight"))
            except ValueError:
                raise row.error(f"weight {row.text('weight')!r} is not a number") from None
        return cls(weights)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, one column per objective (1 to 23): the cosine of text and objective."""
        counts = self._counter.transform(texts).astype(float)
        counts.data = 1.0 + np.log(counts.data)
        return np.asarray(normalize(counts) @ self._objectives.T)

    def classify(self, scores: np.ndarray, scope: Sequence[int], named: Collection[int] = ()) -> list[Classified]:
        """The objectives in ``scope`` (all 23 if empty) that one text's ``scores`` make it discuss; none where the
        text already names objectives (``named``; see the module docstring)."""
        if named:
            return []
        within = list(scope) or list(range(1, OBJECTIVE_COUNT + 1))
        floor = MIN_SCORE if scope else MIN_SCORE * ALL_OBJECTIVES_FACTOR
        best = max(scores[number - 1] for number in within)
        bar = max(floor, SHARE_OF_BEST * best)
        return [
            Classified(number, round(float(scores[number - 1]), 4)) for number in within if scores[number - 1] >= bar
        ]
