"""What the crawler refuses: private and loopback targets (requests, DNS, the browser's proxy),
downloads that are not pages, and robots.txt as the policy says."""
