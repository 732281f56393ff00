"""The public pages: content blocks, listings, navigation, feeds, sitemaps, the API, embeds,
plain-text helpers, slugs, and the views at the site's root (robots.txt, icons)."""
