"""What the terminal and the hub agree on: the submission format, its sealing, the HTTP API.

This package is the only code the kiosk side and ``hub/`` share (besides the catalogue and its
validation rules, which the hub uses to check what arrives). It imports nothing else of ours.
"""
