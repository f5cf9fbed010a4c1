"""Plumbing every layer may use; it imports none of the project's packages."""
