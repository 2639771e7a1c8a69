"""JSON schemas the exports are checked against (data files beside this module)."""
