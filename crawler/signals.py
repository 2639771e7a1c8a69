"""fraudwatch's own crawler signals (sent with `crawler.signals.send_catch_log`)."""

# StorePipeline: these Fetch items are durable, written to the store (or to its spool). A
# distributed frontier acknowledges the requests they came from (crawler.frontier.shared).
# Arguments: items (list of Fetch).
items_durable = object()
