"""Renderers: plain text and Markdown, the JSON contract, and rich tables for listings."""
