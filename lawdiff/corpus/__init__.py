"""The corpus on disk: YAML io, validation, atomic writes, the reader, the timeline."""
