"""The Scrapy project that crawls suspected fraudulent sites into the store, with evidence."""
