"""The law model and its canonical text format: numerals, dates, articles, headings, parse."""
