"""One module per command; each exposes `register(app)`.

`sinorus --help` imports every command module to list them, so a module imports at its top only what
that listing loads anyway; what running the command needs beyond that is imported in the function that
needs it, under a comment naming what it defers (tests/test_deferred_imports.py checks the comment)."""
