"""Benchmarks of korusticket-python; ``make bench`` runs them (entry point: benchmarks/run.py)."""
