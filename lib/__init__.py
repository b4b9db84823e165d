"""Shared code for the film-cluster competitiveness study (see README.md)."""
