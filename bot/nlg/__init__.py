"""Response generation: domain responses with directory placeholders filled in."""
