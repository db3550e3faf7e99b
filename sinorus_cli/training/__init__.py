"""Training the learned reader from labelled pages: `python -m sinorus_cli.training --help`.

Needs the `train` extra (scikit-learn, and for distilling the encoder torch and sentence-transformers);
nothing here is imported at run time.
"""
