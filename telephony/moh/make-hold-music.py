#!/usr/bin/env python3
"""Writes hotline-hold.wav, the hotline's own music on hold: a slow, soft arpeggio of pure tones (C major, F, G, A minor),
synthesised here so that the hotline ships hold music it owns, in the format Asterisk plays without help
(WAV, 16-bit, 8 kHz, mono). Run it again after changing the chords; a city replaces the file with its own music."""
import math
import struct
import wave

RATE = 8000
NOTE = 0.5  # seconds a note sounds
CHORDS = [  # frequencies in Hz, low to high, one arpeggio per chord
    (261.63, 329.63, 392.00, 523.25),  # C
    (261.63, 349.23, 440.00, 523.25),  # F
    (246.94, 293.66, 392.00, 493.88),  # G
    (220.00, 261.63, 329.63, 440.00),  # Am
]


def note(frequency, seconds):
    count = int(RATE * seconds)
    for i in range(count):
        t = i / RATE
        # a soft attack and a long decay, so that the notes do not click
        envelope = min(1.0, t / 0.02) * math.exp(-3.0 * t / seconds)
        tone = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        yield 0.28 * envelope * tone


def main():
    samples = []
    # 4 chords x 2 arpeggios x 4 notes x 0.5 s = 16 s; Asterisk plays the file over again
    for chord in CHORDS:
        for arpeggio in (chord, tuple(reversed(chord))):
            for frequency in arpeggio:
                samples.extend(note(frequency, NOTE))
    with wave.open("hotline-hold.wav", "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767)) for s in samples))


if __name__ == "__main__":
    main()
