"""The in-app notification centre: create from domain events, list, count unread, mark read."""
