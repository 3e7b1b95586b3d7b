// A small RFC 5545 reader for the tests: unfolds lines, checks that
// BEGIN/END nest, and returns the VEVENTs as {NAME: value} objects.
export function parseIcs(text) {
  if (!text.includes("\r\n")) throw new Error("iCalendar lines must end with CRLF");
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l.length);
  const stack = [];
  const events = [];
  let current = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 0) throw new Error(`not a content line: ${line}`);
    const name = line.slice(0, colon).split(";")[0].toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      stack.push(value);
      if (value === "VEVENT") current = {};
    } else if (name === "END") {
      if (stack.pop() !== value) throw new Error(`END:${value} does not close its BEGIN`);
      if (value === "VEVENT") { events.push(current); current = null; }
    } else if (current) {
      current[name] = value;
    }
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(", ")}`);
  if (lines[0] !== "BEGIN:VCALENDAR") throw new Error("does not start with BEGIN:VCALENDAR");
  return { events };
}
