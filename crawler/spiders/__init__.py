"""Spiders of the fraudwatch crawler."""
