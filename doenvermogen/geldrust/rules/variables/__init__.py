"""OpenFisca variables of the geldrust rules, one module per scheme."""
