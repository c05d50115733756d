"""The rule engine: rule files (schema), check types (checks/), and running them over groups (run)."""
