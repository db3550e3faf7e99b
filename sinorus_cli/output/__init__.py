"""Output: views built by commands, written as Rich tables or as machine formats."""
