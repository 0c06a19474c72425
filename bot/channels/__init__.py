"""What both channels and Rasa's REST input agree on: which messages may be button payloads."""
