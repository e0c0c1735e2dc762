"""The shared core: IRIs, the closed vocabulary, prefixes, errors, shipped resources, build layout, defaults."""
