"""Watch rules: the language (``model``), loading and validation (``load``, ``aliases``,
``schema``), compilation of every rule into one automaton (``compile``), matching
(``match``) and explanations (``explain``)."""

from monitor.rules.load import load_rules
from monitor.rules.match import RuleSet
from monitor.rules.model import Group, Rule, Scope, Term

__all__ = ["Group", "Rule", "RuleSet", "Scope", "Term", "load_rules"]
