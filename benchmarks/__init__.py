"""Throughput benchmarks: vntext next to the tools a user would pick instead, in one run."""
