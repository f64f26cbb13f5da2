"""Directory service: org units, people, households, governance elements, login and tokens."""
GRPC_PORT = 50051
METRICS_PORT = 9101
