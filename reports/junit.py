"""JUnit XML: one test case per article (fails when it is below the bar).

CI systems that read JUnit (GitLab, Jenkins, Azure, CircleCI) then list failing
articles with their findings as the failure text.

Names and messages from the input go through :func:`reports.escape.xml_text`
(and finding lines through :func:`reports.escape.visible`), so control characters
in a file name or an article never make XML that does not parse.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from reports.escape import xml_text
from reports.text import finding_line

if TYPE_CHECKING:
    from checker.core.results import CheckResult


def render_junit(result: CheckResult) -> str:
    files = result.files
    failures = sum(1 for cf in files if not cf.passed and not cf.error)
    errors = sum(1 for cf in files if cf.error)
    suites = ET.Element("testsuites", name="checker", tests=str(len(files)),
                        failures=str(failures), errors=str(errors))  # fmt: skip
    suite = ET.SubElement(suites, "testsuite", name="checker check", tests=str(len(files)),
                          failures=str(failures), errors=str(errors), skipped="0")  # fmt: skip
    for cf in files:
        uri = xml_text(cf.uri)
        case = ET.SubElement(suite, "testcase", classname="checker", name=uri, file=uri)
        if cf.score is not None:
            props = ET.SubElement(case, "properties")
            ET.SubElement(props, "property", name="score", value=f"{cf.score:g}")
            ET.SubElement(props, "property", name="unsourced_claims", value=str(cf.unsourced))
        body = xml_text("\n".join(finding_line(cf.path, f) for f in cf.findings))
        if cf.error:
            error = xml_text(cf.error)
            ET.SubElement(case, "error", message=error, type="unreadable").text = error
        elif cf.failures:
            msg = xml_text("; ".join(x.message for x in cf.failures))
            el = ET.SubElement(case, "failure", message=msg, type="below-bar")
            el.text = f"{msg}\n{body}".rstrip()
        elif body:
            ET.SubElement(case, "system-out").text = body
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
