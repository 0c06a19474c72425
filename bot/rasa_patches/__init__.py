"""Small, tested changes to Rasa's own behaviour, installed from inside the Rasa process."""
