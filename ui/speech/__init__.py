"""Reading aloud on the screens: what a screen says (screen_reader.py). What may be heard where
is kiosk.read_aloud's; the voice is drivers.sound.speech."""
