"""What the deterministic NLU components read, as pure functions (age_parsing); the components
Rasa loads are in bot.rasa_plugins."""
