"""Chromium: which pages it renders, bounded renders, victim profiles, what a rendering page may
load, and cloaking (a victim shown something else)."""
