"""Procedures service: 四议两公开 / 五议两公开 / 村务联席会议 templates and runs, warnings, 三务公开."""
GRPC_PORT = 50055
METRICS_PORT = 9105
