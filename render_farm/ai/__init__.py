"""AI providers behind small protocols: story breakdown, character design and voice."""
