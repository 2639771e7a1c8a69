"""What to crawl next and how much: the run's journal, the shared Redis frontier, its scheduler and
request codec, the duplicate filter, site budgets, link priorities and seed lists."""
