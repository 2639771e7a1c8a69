"""Takedown: letters, evidence packs, block-list exports and the case lifecycle.

Depends on the store (and nothing above it): the CLI and the web app call into here.
"""
