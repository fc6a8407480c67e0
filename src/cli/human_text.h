// Text for people in the --lang language: the months, numbers and column widths of the
// tables and sentences the commands print. English is exactly what they printed before;
// CSV and JSON never come through here (their fields and ids stay English).
#pragma once
#include <cstddef>
#include <string>

namespace cp::cli {

// "2028-06" in English, "черв. 2028" in Ukrainian.
std::string humanMonth(int month);
// "2028-01..2028-12" / "січ. 2028..груд. 2028"; one month when from == to.
std::string humanSpan(int from, int to);
// An English-formatted number ("-1234.5", "+12.34%", "2.6e+26") with the language's
// decimal mark ("-1234,5").
std::string humanNumber(const std::string& english);
// A lever's value as typed ("on", "never", "0.5; 0.9@2026-01") in the language: a choice or
// on/off/never translated, a decimal comma ("0,5; 0,9@2026-01"); ids and typed months stay.
std::string humanLeverValue(const std::string& english);
// The scale word after a mantissa, 0..4 for x1..x1e12: "", "k", "M", "bn", "tn" in English,
// " тис.", " млн", " млрд", " трлн" (no-break space) in Ukrainian.
const char* scaleSuffix(int scale);
// A number the engine wrote with an English scale ("$9.0bn", "1.17M", "340k H100e", "$5m")
// in the language: "$9,0 млрд", "1,17 млн", "340 тис. H100e". English: unchanged.
std::string humanScaled(const std::string& english);
// A value for a table people read: three significant digits with a scale word from a
// thousand up ("26.0M", "-118k", "0.0543", "21.6"; "3.95e+31" past the trillions), signed
// on request; in the language ("26,0 млн"). Exact values are in the CSV.
std::string compactNumber(double v, bool sign = false);
// Characters on screen of UTF-8 text: what a column is padded by (fmt counts the same way).
std::size_t displayWidth(const std::string& s);

}  // namespace cp::cli
