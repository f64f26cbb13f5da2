"""Integration service: partner systems in and out, signed webhooks, Open311 GeoReport v2, notifications."""
GRPC_PORT = 50057
METRICS_PORT = 9107
