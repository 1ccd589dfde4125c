"""Jinja2 templates, CSS and JS of the HTML reports (package data of ``reports``)."""
