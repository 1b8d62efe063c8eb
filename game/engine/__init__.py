"""The call simulation: pure Python, no pygame, no audio, no clock of its own."""
