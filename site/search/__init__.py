"""The site search, Chinese-aware: words (segmentation), fields (what is indexed), query
(what a reader means), ranking (what comes first), backend (Wagtail's database backend),
terms (what readers search for), views (the search page)."""
