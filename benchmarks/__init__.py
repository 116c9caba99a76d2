"""Benchmarks: ``make bench`` runs them and prints each measure against its floor and target."""
