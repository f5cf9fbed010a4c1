"""The project's own ESC/POS printer: decoder, renderer, status states and a TCP endpoint."""
