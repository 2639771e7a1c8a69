"""fraudwatch: crawl, classify, index and take down fraudulent websites."""

__version__ = "0.1.0"
