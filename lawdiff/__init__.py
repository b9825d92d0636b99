"""lawdiff: how regulations change over time, from gazette text to point-in-time views."""

__version__ = "0.1.0"
