"""Synthetic training corpus: templates and vocabularies written by the fraudwatch team.

Run `python -m classifiers.synth` to regenerate classifiers/data/corpus/ (seeded, deterministic).
Every page kind lists sections; each section lists alternative phrasings. The last phrasing of a
section with three or more is reserved for the held-out split, so evaluation pages are worded
differently from anything the model was trained on.
"""
