"""Uploads: the checks on uploaded files (forms), image files (metadata, pixel limits) and
the PDFs the site makes."""
