"""Thin ``flask`` commands over the application's functions."""
