"""civtoll: publish the monthly civilian death tolls documented in Syria as a static open-data site."""

__version__ = "0.1.0"
