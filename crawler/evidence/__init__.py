"""The crawl's evidence: every request and response in WARC files, and their compaction on
resume."""
