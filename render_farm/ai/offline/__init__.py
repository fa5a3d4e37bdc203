"""Built-in providers: offline, deterministic for a seed, no key needed."""
