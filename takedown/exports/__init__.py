"""Block-list exports: CSV, JSON, STIX 2.1, an ISP registry dump (XML) and X-ARF v4 reports."""
