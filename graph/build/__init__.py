"""The build stage: loaders → one Dataset with a named graph per source, reasoning, validation, files."""
