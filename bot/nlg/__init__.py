"""Response generation: filling directory placeholders in domain responses (placeholders); the NLG
class Rasa loads is bot.rasa_plugins.directory_nlg."""
