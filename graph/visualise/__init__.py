"""networkx views of a build (from stored queries) and the objective x State coverage matrix."""
