"""load → validate → resolve → catalogue: the stages that turn record files into one catalogue."""
