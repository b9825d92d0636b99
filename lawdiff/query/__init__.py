"""Questions asked of the corpus: the text in force on a date."""
