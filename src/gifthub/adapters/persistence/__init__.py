"""SQLAlchemy 2 async persistence with imperative mapping: the domain classes stay plain."""
