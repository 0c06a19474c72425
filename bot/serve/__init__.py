"""Running the assistant locally: training when needed, the process supervisor, a terminal client."""
