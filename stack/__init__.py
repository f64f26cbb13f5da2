"""The local stack: start and stop every process, generate code and keys, load the demo county."""
