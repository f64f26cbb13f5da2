"""Petitions service: reports and work orders, routing village → town → county, SLA clocks, follow-up."""
GRPC_PORT = 50054
METRICS_PORT = 9104
