"""Risk rules: data in instruments.json, checked after every answer.

A rule names an item, an operator and a value; it fires when the answer's weight
compares true. Any rule that fires sends the person to crisis help at once.
"""

import operator

OPERATORS = {
    ">": operator.gt,
    ">=": operator.ge,
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
}


def fired_risk_rules(instrument, weights_by_link_id):
    """The rules that fire for the answers given so far (unanswered items never fire)."""
    fired = []
    for rule in instrument.risk_rules:
        weight = weights_by_link_id.get(rule["item"])
        if weight is not None and OPERATORS[rule["operator"]](weight, rule["value"]):
            fired.append(rule)
    return fired
