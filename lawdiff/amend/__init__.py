"""Amendment decisions: grammar, application, renumbering, provenance, verification."""
