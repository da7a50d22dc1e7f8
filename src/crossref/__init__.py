"""crossref: how each party to an incident described it in the news."""

__version__ = "0.1.0"
