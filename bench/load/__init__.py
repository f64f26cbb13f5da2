"""Load benchmark of issue 10: the hot paths through the gateway."""
