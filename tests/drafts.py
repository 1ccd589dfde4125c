"""Two short drafts the CI-integration tests share: one failing the bar, one passing."""

# a footnote marker with no entry: an error-level finding (dangling-footnote)
BAD = (
    "# Harbour bridge reopens\n\n"
    "The harbour bridge reopened on Monday after repairs, the city engineer, Ana Ruiz, "
    "said.[^1]\n"
)
GOOD = (
    "# Harbour bridge reopens\n\n"
    "The harbour bridge reopened on Monday after repairs, the city engineer, Ana Ruiz, "
    "said at a press conference.\n"
)
