"""The team-written training corpus: texts in data/texts, assembled into pages by `generate`.

`python -m classifiers.synth check` checks the texts files; `sample FILE` prints pages made from
one; `stats` counts the pages per label, archetype and language.
"""
