"""Scheduled work: loops the HTTP app (or a worker) runs in the background."""
