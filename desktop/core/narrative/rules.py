"""The narrative and coverage rules, in the order the checker runs them."""

from __future__ import annotations

from desktop.core.checks.house_rules import punctuation_finding
from desktop.core.narrative import guards, quotes, similarity
from desktop.core.narrative.coverage import section_one_covered
from desktop.core.narrative.rules_applications import application_claims, application_counts, result_counts
from desktop.core.narrative.rules_documents import document_claims, document_counts
from desktop.core.narrative.rules_lists import list_problems, list_sums
from desktop.core.narrative.rules_meta import agency_agrees, named_in, written_in, year_agrees
from desktop.core.narrative.rules_percentages import percentages
from desktop.core.narrative.rules_review import review_claims, review_counts
from desktop.core.narrative.similarity import repeats_last_year

NARRATIVE_RULES = (
    list_sums,  # N-01
    application_counts,  # N-02
    result_counts,  # N-03
    percentages,  # N-04
    review_counts,  # N-05
    document_counts,  # N-06
    year_agrees,  # N-07
    agency_agrees,  # N-08
    section_one_covered,  # S-02
    repeats_last_year,  # S-04
)


_CACHED = (
    quotes.scan, guards._times, application_claims, review_claims, document_claims, list_problems, written_in,
    named_in, similarity.normalised, similarity.last_year_windows, similarity.repeated_runs, similarity.positions,
    punctuation_finding,
)


def clear_caches() -> None:
    """Forget every text read so far: the next check reads all texts afresh, as after opening a file."""
    for function in _CACHED:
        function.cache_clear()
