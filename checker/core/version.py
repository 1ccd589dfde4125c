"""The tool's version: recorded in every report and in baselines, so it lives at the bottom."""

__version__ = "0.1.0"
