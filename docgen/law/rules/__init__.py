"""The rules of the brief's catalogue (and docgen's own), one module per procedure."""
