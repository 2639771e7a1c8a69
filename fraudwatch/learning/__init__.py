"""The model learns from the regulator's decisions: labelled pages from reviewed sites,
training a new version from them, judging it against the promoted one before promotion, and
re-classifying stored pages with the promoted version. `fraudwatch.modelversions` owns which
version is promoted; this package reads the store and the crawl's evidence to feed it."""


class LearningError(ValueError):
    """Training, promotion or re-classification cannot go on; the message says why."""
