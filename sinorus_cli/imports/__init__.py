"""Bringing coded work back in: REFI-QDA projects and DNA databases become articles and curated theses."""
