"""Evaluation service: scoring rules, score ledgers, leaderboards, indices, snapshots, dashboard."""
GRPC_PORT = 50056
METRICS_PORT = 9106
