// JUnit XML for a load run: CI shows each threshold and invariant as a
// test, failed ones with what was measured.
#include "reports/load/load_writers.h"
#include "sim/text.h"

namespace tiersim::reports {

void WriteLoadJunit(const LoadResult& r, std::ostream& out) {
  using sim::HtmlEscape;
  std::size_t failures = 0;
  for (const ThresholdResult& t : r.thresholds) failures += t.passed ? 0 : 1;
  for (const InvariantResult& i : r.invariants) failures += i.passed ? 0 : 1;
  const bool ended_early =
      r.interrupted || !r.exhausted.empty() || !r.aborted.empty();
  const std::size_t tests =
      r.thresholds.size() + r.invariants.size() + (ended_early ? 1 : 0);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"tiersim load\" tests=\"" << tests
      << "\" failures=\"" << failures + (ended_early ? 1 : 0) << "\">\n";
  out << "  <testsuite name=\"" << HtmlEscape(r.name) << "\" tests=\"" << tests
      << "\" failures=\"" << failures + (ended_early ? 1 : 0)
      << "\" errors=\"0\" time=\"" << r.measured_seconds << "\">\n";
  out << "    <properties>\n"
      << "      <property name=\"seed\" value=\"" << r.seed << "\"/>\n"
      << "      <property name=\"file\" value=\"" << HtmlEscape(r.file)
      << "\"/>\n"
      << "      <property name=\"transport\" value=\""
      << HtmlEscape(r.transport) << "\"/>\n"
      << "      <property name=\"iterations\" value=\"" << r.iterations
      << "\"/>\n"
      << "    </properties>\n";
  const std::string suite = HtmlEscape(r.file);
  for (const ThresholdResult& t : r.thresholds) {
    out << "    <testcase classname=\"" << suite << ".thresholds\" name=\""
        << HtmlEscape(t.text) << "\">";
    if (!t.passed) {
      out << "<failure message=\"measured " << HtmlEscape(t.shown)
          << ", expected " << HtmlEscape(t.bound) << "\"/>";
    }
    out << "</testcase>\n";
  }
  for (const InvariantResult& i : r.invariants) {
    out << "    <testcase classname=\"" << suite << ".invariants\" name=\""
        << HtmlEscape(i.name) << "\">";
    if (!i.passed) {
      out << "<failure message=\"" << HtmlEscape(i.detail) << "\"/>";
    }
    out << "</testcase>\n";
  }
  if (ended_early) {
    const std::string why = r.interrupted        ? "interrupted (Ctrl-C)"
                            : !r.aborted.empty() ? r.aborted
                                                 : r.exhausted;
    out << "    <testcase classname=\"" << suite
        << ".run\" name=\"the run ran to its end\"><failure message=\""
        << HtmlEscape(why) << "\"/></testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace tiersim::reports
