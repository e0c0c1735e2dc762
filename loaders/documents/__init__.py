"""Review documents → one named graph per document (this release: the document catalogue)."""
