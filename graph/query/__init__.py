"""The query layer: stored-query catalogue, typed parameters, guard, limits, local runner, result formats."""
