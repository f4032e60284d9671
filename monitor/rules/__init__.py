"""Watch rules: the language (``model``), loading and validation (``load``, which reads a
file's rules with ``reader`` and their groups and terms with ``groups``; ``aliases``,
``schema``), compilation of every rule into one automaton (``compile``), matching
(``match``: an entry as a ``document``, rule trees by ``evaluate``) and explanations
(``explain``)."""

from monitor.rules.load import load_rules
from monitor.rules.match import RuleSet
from monitor.rules.model import Group, Rule, Scope, Term

__all__ = ["Group", "Rule", "RuleSet", "Scope", "Term", "load_rules"]
