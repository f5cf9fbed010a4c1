"""The terminal's sound: the microphone and the loudspeaker for the call to a clerk, through the
sound server (PulseAudio, or PipeWire's PulseAudio service) with its echo canceller, or
simulated."""
