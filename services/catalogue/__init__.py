"""Catalogue service: matter catalogues (准入清单), negative list, admission reviews, screening of tasks."""
GRPC_PORT = 50052
METRICS_PORT = 9102
