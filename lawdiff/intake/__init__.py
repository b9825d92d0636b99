"""Intake: sources into the corpus (gazette ingest, and what decisions tell at ingest)."""
