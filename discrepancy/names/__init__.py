"""Person, place, organisation and event names: normalisation and matching across spellings.

    compare(a, b) -> NameVerdict          same entity despite transliteration? with a reason
    split_title(mention) -> (title, name)
    blocking_keys(name) -> frozenset[str] keys shared by names that compare as the same
    spelling_variant(a, b) -> str | None   how two spellings of one entity differ, if they do

The rules (titles, particles, transliteration rewrites and costs, given-name equivalents) are data
in rules/lexicons/names/*.yaml; every *.yaml file of that folder is read, so users extend the rules
by adding a file.
"""
from discrepancy.names.match import NameVerdict, blocking_keys, compare, spelling_variant
from discrepancy.names.normalize import split_title

__all__ = ["NameVerdict", "blocking_keys", "compare", "spelling_variant", "split_title"]
