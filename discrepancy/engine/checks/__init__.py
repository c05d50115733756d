"""One module per family of check types; importing this package registers them all."""
from discrepancy.engine.checks import dates, names, numbers, places, terms  # noqa: F401
