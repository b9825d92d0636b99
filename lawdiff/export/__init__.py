"""Output: text, Markdown, JSON, HTML, DOCX, Akoma Ntoso, git history, tables for the terminal."""
