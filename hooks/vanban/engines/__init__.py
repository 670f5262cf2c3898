"""Adapters from build engines to the library: MkDocs (hooks), and a plain folder (``vanban.site``)."""
