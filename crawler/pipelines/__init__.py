"""Item pipelines: small adapters over plain functions (text, classifier, store)."""
