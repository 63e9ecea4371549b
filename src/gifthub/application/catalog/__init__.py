"""Use cases of the catalog: sync from Giftery, browse with prices, commission rules."""
