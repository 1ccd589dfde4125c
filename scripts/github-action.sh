#!/usr/bin/env bash
# The work of the GitHub Action (action.yml): check drafts, annotate the pull request,
# write SARIF for code scanning, and report in the job summary. Also runs outside Actions.
#
# Inputs come as environment variables, as action.yml passes them:
#   INPUT_PATHS          files or folders, one per line or separated by spaces (default: .)
#   INPUT_FAIL_ON        suggestion | warning | error        (default: the configuration's)
#   INPUT_FAIL_UNDER     0-100 score bar                      (default: the configuration's)
#   INPUT_MAX_UNSOURCED  most unsourced claims per file       (default: the configuration's)
#   INPUT_CONFIG         pyproject.toml or .checker.toml      (default: found from each file)
#   INPUT_BASELINE       baseline file: fail only on new findings
#   INPUT_CHANGED_SINCE  git revision: annotate and gate only what changed since it
#   INPUT_SARIF          true | false: write SARIF (of the full check, never --changed-since)
#   INPUT_SARIF_FILE     where to write it                    (default: checker.sarif)
#   CHECKER              the checker command                  (default: checker)
# Writes exit-code, sarif-file and summary to $GITHUB_OUTPUT and a short report to
# $GITHUB_STEP_SUMMARY when those are set. Exit status: checker's (0 every file meets
# the bar, 1 some file does not, 2 usage or configuration error).
set -uo pipefail

checker=${CHECKER:-checker}
fail() { echo "::error title=checker action::$1"; exit 2; }

paths=()
if [[ ${INPUT_PATHS:-} == *$'\n'* ]]; then
  while IFS= read -r p; do [[ -n ${p//[[:space:]]/} ]] && paths+=("$p"); done <<<"$INPUT_PATHS"
else
  read -r -a paths <<<"${INPUT_PATHS:-}"
fi
[[ ${#paths[@]} -gt 0 ]] || paths=(.)

opts=()
[[ -n ${INPUT_FAIL_ON:-} ]] && opts+=(--fail-on "$INPUT_FAIL_ON")
[[ -n ${INPUT_FAIL_UNDER:-} ]] && opts+=(--fail-under "$INPUT_FAIL_UNDER")
[[ -n ${INPUT_MAX_UNSOURCED:-} ]] && opts+=(--max-unsourced "$INPUT_MAX_UNSOURCED")
[[ -n ${INPUT_CONFIG:-} ]] && opts+=(--config "$INPUT_CONFIG")
[[ -n ${INPUT_BASELINE:-} ]] && opts+=(--baseline "$INPUT_BASELINE")

case ${INPUT_SARIF:-true} in
  true | false) ;;
  *) fail "input sarif must be true or false, not '${INPUT_SARIF}'" ;;
esac
sarif_file=""
if [[ ${INPUT_SARIF:-true} == true ]]; then
  sarif_file=${INPUT_SARIF_FILE:-checker.sarif}
  mkdir -p -- "$(dirname -- "$sarif_file")" || fail "cannot create the folder of $sarif_file"
  # The full check, so that code scanning closes the alerts that were fixed.
  "$checker" check "${paths[@]}" "${opts[@]}" --format sarif --output "$sarif_file" --exit-zero
  status=$?
  if [[ $status -ne 0 ]]; then
    [[ -s $sarif_file ]] || sarif_file=""
    [[ -n ${GITHUB_OUTPUT:-} ]] && { echo "exit-code=$status"; echo "sarif-file=$sarif_file"; } >>"$GITHUB_OUTPUT"
    exit "$status"
  fi
fi

gate=("${opts[@]}")
[[ -n ${INPUT_CHANGED_SINCE:-} ]] && gate+=(--changed-since "$INPUT_CHANGED_SINCE")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Annotations on the diff (workflow commands), then checker's summary line.
"$checker" check "${paths[@]}" "${gate[@]}" --format github | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep '^checker: ' "$log" | grep -v 'not shown as annotations' | tail -n 1)
summary=${summary#checker: }

if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  {
    echo "exit-code=$status"
    echo "sarif-file=$sarif_file"
    echo "summary=$summary"
  } >>"$GITHUB_OUTPUT"
fi
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  case $status in
    0) verdict="passed: every file meets the bar" ;;
    1) verdict="failed: some file is below the bar" ;;
    *) verdict="error (exit $status): see the log" ;;
  esac
  {
    echo "### checker: $verdict"
    echo
    echo "Checked: \`${paths[*]}\`${INPUT_CHANGED_SINCE:+ (changes since \`$INPUT_CHANGED_SINCE\`)}"
    echo
    [[ -n $summary ]] && echo "$summary"
    [[ -n $sarif_file ]] && { echo; echo "Full results: \`$sarif_file\` (code scanning)."; }
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
