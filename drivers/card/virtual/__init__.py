"""The project's own virtual eMRTD chip: one chip, two transports (in-process and vpcd)."""
