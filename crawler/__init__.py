"""The Scrapy project that crawls suspected fraudulent sites into the store, with evidence.

Grouped by concern:
- `frontier/`: what to crawl next and how much (run journal, shared Redis frontier, duplicate
  filter, site budgets, link priorities, seed lists);
- `render/`: Chromium (which pages it renders, bounded renders, victim profiles, cloaking);
- `safety/`: what the crawler refuses (private targets on every path, non-page downloads,
  robots.txt);
- `evidence/`: WARC files of every request and response;
- `ingest/`: a response read once into store documents;
- `spiders/` and `pipelines/`: the Scrapy spider and item pipelines that use them;
- at the top, the crawl's lifecycle: settings, the addon that derives them, the run, its
  lock, log, signals, stop, and the after-crawl step.
"""
