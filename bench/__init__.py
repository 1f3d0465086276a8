"""Import benchmark: import + all checks as a ratio to ezdxf.readfile alone, per corpus file."""
