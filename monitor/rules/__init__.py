"""Watch rules: load and validate YAML (``load``), compile and match (``match``)."""

from monitor.rules.load import load_rules
from monitor.rules.match import RuleSet
from monitor.rules.model import Group, Rule, Term

__all__ = ["Group", "Rule", "RuleSet", "Term", "load_rules"]
