"""Tasks service: the top-down loop from draft to score, deadlines and 催办, 揭榜挂帅, project requests."""
GRPC_PORT = 50053
METRICS_PORT = 9103
