"""Common library of every zhili process: settings, database, events, gRPC, auth, errors, logs, metrics."""
