#include "sim/journal.h"

namespace tiersim::sim {

std::string Ref::ToString() const {
  if (empty()) return "-";
  return std::string(kind) + "-" + std::to_string(value);
}

std::string Journal::Render(const JournalEntry& e) const {
  std::string line = FormatElapsed(e.at, origin_);
  line += "  ";
  line += e.actor.empty() ? std::string("microsoft") : e.actor.ToString();
  line += "  ";
  line += e.action;
  if (!e.subject.empty()) line += "  " + e.subject.ToString();
  if (!e.object.empty()) line += " " + e.object.ToString();
  line += "  ";
  line += ErrorCodeName(e.outcome);
  if (!e.note.empty()) line += "  (" + e.note + ")";
  return line;
}

std::string Journal::RenderAll() const {
  std::string out;
  for (const JournalEntry& e : entries_) {
    out += Render(e);
    out += '\n';
  }
  return out;
}

}  // namespace tiersim::sim
