"""A fetched response into store documents: decoded and parsed once, named errors, captures
and pages, and the sentence encoder's worker thread."""
