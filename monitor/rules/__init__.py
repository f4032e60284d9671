"""Watch rules: the language (``model``), loading and validation (``load``, which reads a
file's rules with ``reader`` and their groups and terms with ``groups``; ``aliases``,
``schema``), compilation of every rule into one automaton (``compile``), matching
(``match``: an entry as a ``document``, rule trees by ``evaluate``) and explanations
(``explain``). ``RuleSet`` (``ruleset``) compiles at its first match, so importing this
package brings values only."""

from typing import TYPE_CHECKING, Any

from monitor.rules.model import Group, Rule, Scope, Term
from monitor.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from monitor.rules.load import load_rules

__all__ = ["Group", "Rule", "RuleSet", "Scope", "Term", "load_rules"]


def __getattr__(name: str) -> Any:
    # Loading (YAML, the JSON Schema: ~0.1 CPU-s of imports) only when a rule file is read:
    # a cycle whose rules come from the start-up cache (config/cache.py) only matches.
    if name == "load_rules":
        from monitor.rules.load import load_rules

        return load_rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
