"""Comparing revisions: article alignment, character diff, comparisons, reasons, log."""
