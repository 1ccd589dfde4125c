"""The core layer: the records every other layer shares (document, rules, findings, the
analysis record, configuration, result records) and small helpers (data files, caches,
atomic writes, regex prefilters). It imports nothing else of ours."""
