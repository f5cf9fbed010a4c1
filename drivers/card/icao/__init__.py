"""ICAO Doc 9303 (eMRTD) protocol code: MRZ, access control, secure messaging.

Plain functions and small classes over bytes, no PC/SC: the reader transport is elsewhere, so
everything here is tested against the worked examples of ICAO 9303 Part 11 as fixed vectors.
"""
