"""zhili services, one package each with the same file names."""
