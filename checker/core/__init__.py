"""The core layer: the records every other layer shares (document, rules, findings, the
analysis record, configuration, result records) and small helpers (data files, caches,
atomic writes, regex prefilters). It imports nothing else of ours."""

from checker.core.methodcache import install as _install_method_cache

_install_method_cache()  # our dataclasses' generated methods, compiled once (see methodcache)
