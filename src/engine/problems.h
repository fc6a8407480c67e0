// Input errors, reported at the boundary: file, JSON pointer, reason. The loader collects
// all of them before throwing, so a user fixes a file in one pass.
//
// A reason (a Message) is kept as an English fmt template with its arguments as well as the English
// sentence, so a front end with a catalogue can show it in its language (the engine knows
// no catalogue; tools/i18n_extract.sh finds the templates in reason(...) and err(...)):
//
//   r.err(ptr, reason("expected {}, got '{}'", phrase("a number"), text));
//   std::string shown = localReason(problem);   // a front end's: the template translated
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace cp {

// An argument that is itself an English phrase of the catalogue ("a number >= 0"): a front
// end translates it too. Other arguments (ids, values from the file) are shown as they are.
struct Phrase {
  const char* text;
};
inline Phrase phrase(const char* english) { return {english}; }

struct Message {
  std::string format;             // English fmt template (the msgid); empty: `text` only
  std::vector<std::string> args;  // each argument as fmt writes it
  unsigned phrases = 0;           // bit i set: args[i] is a Phrase
  unsigned nested = 0;            // bit i set: args[i] is a Message, kept in `parts` in order
  std::vector<Message> parts;     // nested reasons, each translated on its own
  std::string text;               // the English sentence

  Message() = default;
  // A fixed English sentence of the catalogue (a literal: the extractor finds it).
  Message(const char* english) : format(english), text(english) {}  // NOLINT: implicit by design
  // A sentence composed elsewhere (a library's message): shown as it is in every language.
  static Message plain(std::string text) {
    Message r;
    r.text = std::move(text);
    return r;
  }
};

namespace detail {
inline void addArg(Message& r, const Phrase& p) {
  if (r.args.size() < 32) r.phrases |= 1u << r.args.size();  // a later one stays English
  r.args.emplace_back(p.text);
}
inline void addArg(Message& r, const Message& m) {
  if (r.args.size() < 32) r.nested |= 1u << r.args.size();
  r.args.push_back(m.text);
  r.parts.push_back(m);
}
template <class T>
void addArg(Message& r, const T& v) {
  r.args.push_back(fmt::format("{}", v));
}
std::string render(const std::string& format, const std::vector<std::string>& args);
}  // namespace detail

// A reason from an English template and its arguments; "{}" placeholders only. An argument
// that is a Message is a reason of its own ("round 2, team 'us', lever 'x': {}").
template <class... A>
Message reason(const char* format, const A&... args) {
  Message r;
  r.format = format;
  (detail::addArg(r, args), ...);
  r.text = detail::render(r.format, r.args);
  return r;
}

// Reasons one per line; a front end translates each (the joining has no words).
Message lines(const std::vector<Message>& reasons);

struct Problem {
  std::string file, pointer, message;  // message: the English reason
  Message why;                         // the same, as a template a front end can translate
  Problem() = default;
  Problem(std::string file_, std::string pointer_, Message r)
      : file(std::move(file_)), pointer(std::move(pointer_)), message(r.text), why(std::move(r)) {}
  std::string str() const { return line(message); }  // "file: /chips/3/price_usd: must be >= 0, got -5"
  // The same layout with `reason` (a translation of it); `document` stands for an empty pointer.
  std::string line(const std::string& reason, const char* document = "(document)") const {
    return file + ": " + (pointer.empty() ? std::string(document) : pointer) + ": " + reason;
  }
};

class LoadError : public std::runtime_error {
 public:
  explicit LoadError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

// An error whose what() is the English sentence and why() the same as a Message a front
// end can translate; `Base` is the standard exception it is (callers catch that too).
template <class Base>
class ReasonErrorOf : public Base {
 public:
  explicit ReasonErrorOf(Message why) : Base(why.text), why_(std::move(why)) {}
  const Message& why() const { return why_; }

 private:
  Message why_;
};
using ReasonError = ReasonErrorOf<std::runtime_error>;

// Lever values typed by people ("us.h20_licence=off", "x=0.5@2025-08").
class LeverError : public ReasonError {
 public:
  using ReasonError::ReasonError;
};

}  // namespace cp
