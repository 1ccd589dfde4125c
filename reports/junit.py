"""JUnit XML: one test case per article (fails when it is below the bar).

CI systems that read JUnit (GitLab, Jenkins, Azure, CircleCI) then list failing
articles with their findings as the failure text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

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
        case = ET.SubElement(suite, "testcase", classname="checker", name=cf.uri, file=cf.uri)
        if cf.score is not None:
            props = ET.SubElement(case, "properties")
            ET.SubElement(props, "property", name="score", value=f"{cf.score:g}")
            ET.SubElement(props, "property", name="unsourced_claims", value=str(cf.unsourced))
        body = "\n".join(finding_line(cf.path, f) for f in cf.findings)
        if cf.error:
            ET.SubElement(case, "error", message=cf.error, type="unreadable").text = cf.error
        elif cf.failures:
            msg = "; ".join(x.message for x in cf.failures)
            el = ET.SubElement(case, "failure", message=msg, type="below-bar")
            el.text = f"{msg}\n{body}".rstrip()
        elif body:
            ET.SubElement(case, "system-out").text = body
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
