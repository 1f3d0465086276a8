"""Third-party code kept in the repository because it had to be changed (each directory has its licence and NOTE)."""
