"""Text, dates, number grammars, problems, the record model and its schema: no stage."""
