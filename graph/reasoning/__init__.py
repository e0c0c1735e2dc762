"""OWL 2 RL reasoning with owlrl: the entailments of the ontology's axioms, kept in their own named graph."""
