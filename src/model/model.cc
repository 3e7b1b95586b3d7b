#include "model/model.h"

#include "model/dataset.h"

namespace ponte {

std::vector<Slot> SlotsOf(const Session& session) {
  std::vector<Slot> slots;
  if (session.slot_length <= Minutes(0)) return slots;
  int index = 0;
  for (Instant t = session.start; t + session.slot_length <= session.end;) {
    const Instant end = t + session.slot_length;
    bool in_break = false;
    for (const Interval& br : session.breaks) {
      if (t < br.end && br.start < end) {
        in_break = true;
        t = br.end;  // resume right after the break
        break;
      }
    }
    if (in_break) continue;
    slots.push_back(Slot{session.id, index++, t, end});
    t = end;
  }
  return slots;
}

std::string SourceLocation::ToString() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line);
}

}  // namespace ponte
