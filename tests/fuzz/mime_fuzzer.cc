// libFuzzer target: the MIME decoder and codecs (mocks/mail/mime.h,
// mime_codec.h). Any input must decode without crashing or hanging; and a
// sim::Email whose subject and text are taken from the input must come
// back with the same subject and text after ComposeMessage ->
// DecodeMessage, whatever bytes they hold.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mocks/common/base64.h"
#include "mocks/mail/mime.h"
#include "mocks/mail/mime_codec.h"
#include "tests/fuzz/fuzz_check.h"

using tiersim::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace tiersim::mocks;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const DecodedMessage decoded = DecodeMessage(input);
  Check(decoded.attachments.size() <= 1000);
  DecodeHeaderValue(input);
  DecodeQuotedPrintable(input);
  ParseAddressList(input);
  HtmlToText(input);
  ToUtf8(input, "iso-8859-1");
  Check(Base64DecodeMime(Base64Encode(input)) == input);

  // Round trip: the first line is the subject, the rest the text.
  const std::size_t newline = input.find('\n');
  tiersim::sim::Email email;
  email.from = "partnercenter@microsoft.tiersim.test";
  email.to = {"ada@contoso.test"};
  email.subject = std::string(input.substr(0, newline));
  email.text = newline == std::string_view::npos
                   ? std::string()
                   : std::string(input.substr(newline + 1));
  email.kind = "fuzz";
  const DecodedMessage back = DecodeMessage(ComposeMessage(email, "f@x"));
  Check(back.subject == email.subject);
  Check(back.text == email.text);
  Check(back.kind == "fuzz");
  return 0;
}
