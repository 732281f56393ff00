"""Spreadsheets: the two-step import engine (check, then write), its screens, the exports
and the background tasks that run them."""
