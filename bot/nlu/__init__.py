"""Custom NLU components (deterministic extractors) for the assistant."""
