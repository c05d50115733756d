"""discrepancy: finds where news articles about the same events disagree."""

__version__ = "0.1.0"
