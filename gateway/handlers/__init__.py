"""REST handlers, one module per domain: request → gRPC call → JSON."""
