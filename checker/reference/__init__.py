"""Reference data shared by the text layer and the rule families: outlets, domains."""
