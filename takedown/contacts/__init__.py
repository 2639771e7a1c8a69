"""Abuse contacts: RDAP for domains and IP networks, DNS records, cached with an expiry."""
