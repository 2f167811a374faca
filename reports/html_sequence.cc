#include "reports/html_sequence.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "reports/format.h"

namespace tiersim::reports {
namespace {

constexpr int kTimeColumn = 90;  // left margin holding the virtual times
constexpr int kColumn = 180;     // horizontal space per participant
constexpr int kHeadTop = 10;
constexpr int kHeadHeight = 28;
constexpr int kHeadWidth = 150;
constexpr int kFirstRow = 70;  // y of the first arrow
constexpr int kRow = 32;       // vertical space per arrow
constexpr int kLoopWidth = 34;
constexpr int kLoopHeight = 12;
constexpr int kSelfLabelRoom = 140;  // past the last column: a loop's label
constexpr std::size_t kMaxNameChars = 20;
constexpr std::size_t kMinLabelChars = 36;
constexpr std::size_t kSelfLabelChars = 28;

constexpr std::string_view kInk = "#37474f";
constexpr std::string_view kRefused = "#c62828";

std::string Num(int v) { return std::to_string(v); }

// The participants in diagram order: the scenario's list, then anyone who
// appears only in interactions, in order of appearance.
std::vector<std::string> Lifelines(const ScenarioResult& scenario) {
  std::vector<std::string> names = scenario.participants;
  const auto add = [&names](const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  };
  for (const StepResult& step : scenario.steps) {
    for (const Interaction& i : step.interactions) {
      add(i.from);
      add(i.to);
    }
  }
  return names;
}

int Center(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  const int column = static_cast<int>(it - names.begin());
  return kTimeColumn + column * kColumn + kColumn / 2;
}

// A text element with a <title> holding the full text when it was cut.
std::string Text(int x, int y, std::string_view anchor, std::string_view fill,
                 std::string_view text, std::size_t max_chars,
                 std::string_view extra = "") {
  const std::string shown = Truncate(text, max_chars);
  std::string out = "<text x=\"" + Num(x) + "\" y=\"" + Num(y) +
                    "\" text-anchor=\"" + std::string(anchor) + "\" fill=\"" +
                    std::string(fill) + "\"" + std::string(extra) + ">";
  if (shown.size() != text.size()) {
    out += "<title>" + HtmlEscape(text) + "</title>";
  }
  out += HtmlEscape(shown) + "</text>";
  return out;
}

std::string ArrowHead(int x, int y, bool pointing_right,
                      std::string_view color) {
  const int back = pointing_right ? x - 8 : x + 8;
  return "<polygon points=\"" + Num(x) + "," + Num(y) + " " + Num(back) + "," +
         Num(y - 4) + " " + Num(back) + "," + Num(y + 4) + "\" fill=\"" +
         std::string(color) + "\"/>";
}

std::string Arrow(const std::vector<std::string>& names, const Interaction& i,
                  int y) {
  const std::string_view color = i.ok ? kInk : kRefused;
  const std::string c(color);
  const int x1 = Center(names, i.from);
  const int x2 = Center(names, i.to);
  std::string out = "<g class=\"";
  out += i.ok ? "msg" : "msg refused";
  out += "\">";
  if (x1 == x2) {
    // A self-message: a loop out to the right and back.
    out += "<path d=\"M" + Num(x1) + " " + Num(y) + " h" + Num(kLoopWidth) +
           " v" + Num(kLoopHeight) + " h-" + Num(kLoopWidth - 2) +
           "\" fill=\"none\" stroke=\"" + c + "\"/>";
    out += ArrowHead(x1, y + kLoopHeight, false, color);
    out += Text(x1 + kLoopWidth + 6, y + 4, "start", color, i.label,
                kSelfLabelChars);
  } else {
    const int end = x2 > x1 ? x2 - 1 : x2 + 1;
    out += "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y) + "\" x2=\"" +
           Num(end) + "\" y2=\"" + Num(y) + "\" stroke=\"" + c + "\"" +
           (i.ok ? "" : " stroke-dasharray=\"6 3\"") + "/>";
    out += ArrowHead(end, y, x2 > x1, color);
    const std::size_t room =
        static_cast<std::size_t>(std::abs(x2 - x1) / 7);  // ~7 px a character
    out += Text((x1 + x2) / 2, y - 6, "middle", color, i.label,
                std::max(kMinLabelChars, room));
  }
  out += "</g>\n";
  return out;
}

}  // namespace

std::string SequenceSvg(const ScenarioResult& scenario) {
  std::vector<const Interaction*> arrows;
  for (const StepResult& step : scenario.steps) {
    for (const Interaction& i : step.interactions) arrows.push_back(&i);
  }
  if (arrows.empty()) return "";

  const std::vector<std::string> names = Lifelines(scenario);
  const int count = static_cast<int>(names.size());
  const int width = kTimeColumn + count * kColumn + kSelfLabelRoom;
  const int rows = static_cast<int>(arrows.size());
  const int bottom = kFirstRow + rows * kRow;
  const int height = bottom + 10;

  std::string out = "<svg class=\"sequence\" width=\"" + Num(width) +
                    "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " +
                    Num(width) + " " + Num(height) +
                    "\" role=\"img\" font-family=\"sans-serif\" "
                    "font-size=\"12\">\n";
  out += "<title>Sequence diagram: " + HtmlEscape(scenario.name) + "</title>\n";
  for (const std::string& name : names) {
    const int x = Center(names, name);
    out += "<g class=\"participant\"><line x1=\"" + Num(x) + "\" y1=\"" +
           Num(kHeadTop + kHeadHeight) + "\" x2=\"" + Num(x) + "\" y2=\"" +
           Num(bottom) + "\" stroke=\"#b0bec5\" stroke-dasharray=\"4 4\"/>";
    out += "<rect x=\"" + Num(x - kHeadWidth / 2) + "\" y=\"" + Num(kHeadTop) +
           "\" width=\"" + Num(kHeadWidth) + "\" height=\"" + Num(kHeadHeight) +
           "\" rx=\"4\" fill=\"#eceff1\" stroke=\"" + std::string(kInk) +
           "\"/>";
    out += Text(x, kHeadTop + 18, "middle", kInk, name, kMaxNameChars,
                " font-weight=\"bold\"");
    out += "</g>\n";
  }
  int y = kFirstRow;
  for (const Interaction* i : arrows) {
    out += Text(8, y + 4, "start", "#607d8b", FormatVirtualShort(i->at_us),
                kMinLabelChars, " class=\"time\"");
    out += '\n';
    out += Arrow(names, *i, y);
    y += kRow;
  }
  out += "</svg>";
  return out;
}

}  // namespace tiersim::reports
