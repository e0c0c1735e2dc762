"""The thematic layer: the GCM guiding principles a passage names and the objectives it discusses."""
