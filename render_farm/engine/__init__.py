"""The render engine: pure, deterministic functions from a film spec to pictures and sound."""
