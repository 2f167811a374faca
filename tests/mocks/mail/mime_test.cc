#include "mocks/mail/mime.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mocks/common/base64.h"
#include "mocks/mail/mime_codec.h"
#include "sim/links.h"
#include "sim/rng.h"

namespace tiersim::mocks {
namespace {

TEST(MimeCodecTest, QuotedPrintableSoftBreaksAndEscapes) {
  EXPECT_EQ(DecodeQuotedPrintable("caf=C3=A9 =3D ok"), "caf\xC3\xA9 = ok");
  EXPECT_EQ(DecodeQuotedPrintable("a long li=\r\nne"), "a long line");
  EXPECT_EQ(DecodeQuotedPrintable("bare lf soft=\nbreak"), "bare lf softbreak");
  EXPECT_EQ(DecodeQuotedPrintable("padded=  \r\nsoft"), "paddedsoft");
  // Trailing blanks of a line are transport padding; =20 is kept.
  EXPECT_EQ(DecodeQuotedPrintable("one  \r\ntwo=20\r\n"), "one\r\ntwo \r\n");
  // Malformed escapes stay as they are; lowercase hex is accepted.
  EXPECT_EQ(DecodeQuotedPrintable("=ZZ =e9 ="), "=ZZ \xE9 ");
}

TEST(MimeCodecTest, QuotedPrintableEncodingRoundTrips) {
  const std::string long_line(200, 'x');
  for (const std::string& text :
       {std::string("plain"), std::string("two\nlines\n"),
        std::string("trailing blank \nand tab\t"), long_line,
        std::string(".starts with a dot\n.\n"), std::string("=\r\n\r"),
        std::string("\xC3\xA9t\xC3\xA9 \xE2\x82\xAC"), std::string("")}) {
    const std::string encoded = EncodeQuotedPrintable(text);
    std::size_t start = 0;
    while (start < encoded.size()) {
      const std::size_t eol = encoded.find("\r\n", start);
      ASSERT_NE(eol, std::string::npos) << "every line ends with CRLF";
      EXPECT_LE(eol - start, 76u) << encoded;
      EXPECT_NE(encoded.substr(start, 2), ".\r") << "no lone dot line";
      start = eol + 2;
    }
    // Decoding gives CRLF line ends; the body reader turns them into LF.
    std::string decoded = DecodeQuotedPrintable(encoded);
    std::string lf;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
      if (decoded[i] == '\r' && i + 1 < decoded.size() &&
          decoded[i + 1] == '\n')
        continue;
      lf.push_back(decoded[i]);
    }
    EXPECT_EQ(lf, text) << encoded;
  }
}

TEST(MimeCodecTest, EncodedWordsBAndQ) {
  EXPECT_EQ(DecodeHeaderValue("=?utf-8?B?Y2Fmw6k=?="), "caf\xC3\xA9");
  EXPECT_EQ(DecodeHeaderValue("=?UTF-8?q?caf=C3=A9_au_lait?="),
            "caf\xC3\xA9 au lait");
  EXPECT_EQ(DecodeHeaderValue("=?ISO-8859-1?Q?caf=E9?="), "caf\xC3\xA9");
  EXPECT_EQ(DecodeHeaderValue("=?iso-8859-1?b?Y2Fm6Q==?="), "caf\xC3\xA9");
  EXPECT_EQ(DecodeHeaderValue("=?windows-1252?Q?=80_5?="), "\xE2\x82\xAC 5");
  EXPECT_EQ(DecodeHeaderValue("=?utf-8*en?Q?hi?="), "hi");  // RFC 2231 language
}

TEST(MimeCodecTest, CharsetsAreConvertedByIconv) {
  struct Case {
    std::string_view bytes;
    std::string_view charset;
    std::string_view utf8;
  };
  const Case cases[] = {
      {.bytes = "caf\xE9", .charset = "ISO-8859-1", .utf8 = "caf\xC3\xA9"},
      {.bytes = "caf\xE9", .charset = "\"latin1\"", .utf8 = "caf\xC3\xA9"},
      {.bytes = "\xA4", .charset = "iso-8859-15", .utf8 = "\xE2\x82\xAC"},
      {.bytes = "\x80", .charset = "windows-1252", .utf8 = "\xE2\x82\xAC"},
      {.bytes = "\xF0\xD2\xC9\xD7\xC5\xD4",
       .charset = "koi8-r",
       .utf8 = "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {.bytes = "\x82\xA0", .charset = "Shift_JIS", .utf8 = "\xE3\x81\x82"},
      // Bytes the charset leaves unmapped become U+FFFD, the rest survives.
      {.bytes = "a\x81"
                "b",
       .charset = "windows-1252",
       .utf8 = "a\xEF\xBF\xBD"
               "b"},
      // A multi-byte character cut off at the end.
      {.bytes = "x\x82", .charset = "shift_jis", .utf8 = "x\xEF\xBF\xBD"},
      // Passed through: UTF-8, ASCII, no charset, unknown, iconv suffixes.
      {.bytes = "caf\xC3\xA9", .charset = "UTF-8", .utf8 = "caf\xC3\xA9"},
      {.bytes = "plain", .charset = "us-ascii", .utf8 = "plain"},
      {.bytes = "caf\xE9", .charset = "", .utf8 = "caf\xE9"},
      {.bytes = "caf\xE9", .charset = "x-no-such-charset", .utf8 = "caf\xE9"},
      {.bytes = "caf\xE9", .charset = "latin1//TRANSLIT", .utf8 = "caf\xE9"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToUtf8(c.bytes, c.charset), c.utf8) << c.charset;
  }
  EXPECT_TRUE(IsPassThroughCharset("utf-8"));
  EXPECT_TRUE(IsPassThroughCharset(" \"US-ASCII\" "));
  EXPECT_TRUE(IsPassThroughCharset(""));
  EXPECT_FALSE(IsPassThroughCharset("iso-8859-1"));
  EXPECT_EQ(DecodeHeaderValue("=?koi8-r?B?8NLJ18XU?="),
            "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST(MimeCodecTest, AdjacentEncodedWordsAreJoined) {
  // The blank between two encoded words goes; other text keeps its blanks.
  EXPECT_EQ(DecodeHeaderValue("=?utf-8?Q?a?= =?utf-8?Q?b?="), "ab");
  EXPECT_EQ(DecodeHeaderValue("=?utf-8?Q?a?=  \t =?utf-8?Q?b?= c"), "ab c");
  EXPECT_EQ(DecodeHeaderValue("x =?utf-8?Q?a?= y"), "x a y");
  // A character split across two words survives.
  EXPECT_EQ(DecodeHeaderValue("=?utf-8?B?w6nDqQ==?= =?utf-8?Q?=C3?= "
                              "=?utf-8?Q?=A9?="),
            "\xC3\xA9\xC3\xA9\xC3\xA9");
  // Not encoded words: kept as written.
  EXPECT_EQ(DecodeHeaderValue("=?utf-8?X?abc?= =?broken"),
            "=?utf-8?X?abc?= =?broken");
}

TEST(MimeCodecTest, HeaderEncodingRoundTrips) {
  for (const std::string& value :
       {std::string("Your invitation"), std::string("Caf\xC3\xA9 \xE2\x82\xAC"),
        std::string(" leading blank"), std::string("looks =?like?= a word"),
        std::string(300, 'a'),
        std::string("many words ") + std::string(40, 'w') + " " +
            std::string(40, 'v') + " and more words to fold the line",
        std::string(60, '\xC3') + "x"}) {
    const std::string encoded = EncodeHeaderValue(value);
    // Unfold (remove CRLF) as a reader does, then decode.
    std::string unfolded;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
      if (encoded.compare(i, 2, "\r\n") == 0) {
        ++i;
        continue;
      }
      unfolded.push_back(encoded[i]);
    }
    EXPECT_EQ(DecodeHeaderValue(unfolded), value) << encoded;
  }
  EXPECT_EQ(EncodeHeaderValue("Plain subject"), "Plain subject");
}

TEST(MimeCodecTest, AddressLists) {
  const std::vector<MailAddress> list = ParseAddressList(
      "Ada Lovelace <ada@x.test>, \"Hopper, Grace\" <grace@y.test>, "
      "bob@z.test (Bob), team: eve@w.test, mal@w.test;, "
      "=?utf-8?Q?J=C3=BCrgen?= <j@m.test>");
  ASSERT_EQ(list.size(), 6u);
  EXPECT_EQ(list[0], (MailAddress{"Ada Lovelace", "ada@x.test"}));
  EXPECT_EQ(list[1], (MailAddress{"Hopper, Grace", "grace@y.test"}));
  EXPECT_EQ(list[2], (MailAddress{"", "bob@z.test"}));
  EXPECT_EQ(list[3], (MailAddress{"", "eve@w.test"}));
  EXPECT_EQ(list[4], (MailAddress{"", "mal@w.test"}));
  EXPECT_EQ(list[5], (MailAddress{"J\xC3\xBCrgen", "j@m.test"}));
  EXPECT_EQ(FormatAddress(list[0]), "Ada Lovelace <ada@x.test>");
  EXPECT_EQ(FormatAddress(list[2]), "bob@z.test");
  EXPECT_EQ(EncodeAddress(list[1]), "\"Hopper, Grace\" <grace@y.test>");
  EXPECT_EQ(ParseAddressList(EncodeAddress(list[5])).at(0), list[5]);
}

TEST(MimeTest, DecodesFoldedHeadersAndAPlainBody) {
  const DecodedMessage m = DecodeMessage(
      "From: Ada <ada@x.test>\r\n"
      "To: bob@y.test,\r\n  eve@y.test\r\n"
      "Cc: carl@y.test\r\n"
      "Subject: a long\r\n subject\r\n"
      "Message-ID: <abc@x.test>\r\n"
      "\r\n"
      "Hello\r\nworld\r\n");
  ASSERT_TRUE(m.from.has_value());
  EXPECT_EQ(*m.from, (MailAddress{"Ada", "ada@x.test"}));
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(m.to[1].address, "eve@y.test");
  EXPECT_EQ(m.cc.at(0).address, "carl@y.test");
  EXPECT_EQ(m.subject, "a long subject");
  EXPECT_EQ(m.message_id, "abc@x.test");
  EXPECT_EQ(m.text, "Hello\nworld\n");
  EXPECT_EQ(m.html, "");
  EXPECT_TRUE(m.attachments.empty());
  EXPECT_EQ(m.Header("subject"), "a long subject");
}

TEST(MimeTest, NestedAlternativeInsideMixed) {
  const std::string raw =
      "From: a@x.test\r\nTo: b@y.test\r\nSubject: "
      "=?utf-8?Q?R=C3=A9sum=C3=A9?=\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
      "preamble\r\n"
      "--outer\r\n"
      "Content-Type: multipart/alternative; boundary=inner\r\n\r\n"
      "--inner\r\n"
      "Content-Type: text/plain; charset=iso-8859-1\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      "Voil=E0 the link: https://x.test/a?token=3Dabc\r\n"
      "--inner\r\n"
      "Content-Type: text/html; charset=utf-8\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      Base64Encode("<p>Voil\xC3\xA0</p>") +
      "\r\n"
      "--inner--\r\n"
      "--outer\r\n"
      "Content-Type: application/pdf; name=\"cv.pdf\"\r\n"
      "Content-Disposition: attachment; filename=\"cv.pdf\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      Base64Encode("%PDF-1.4") +
      "\r\n"
      "--outer--\r\n"
      "epilogue\r\n";
  const DecodedMessage m = DecodeMessage(raw);
  EXPECT_EQ(m.subject, "R\xC3\xA9sum\xC3\xA9");
  EXPECT_EQ(m.text, "Voil\xC3\xA0 the link: https://x.test/a?token=abc");
  EXPECT_EQ(m.html, "<p>Voil\xC3\xA0</p>");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].file_name, "cv.pdf");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].size, 8u);
}

TEST(MimeTest, HtmlOnlyMessageAndBareLf) {
  const DecodedMessage m = DecodeMessage(
      "Subject: hi\nContent-Type: text/html\n\n<p>Go to "
      "<a href=\"https://x.test/Go\">here</a>&amp; more</p>");
  EXPECT_EQ(m.subject, "hi");
  EXPECT_EQ(m.text, "");
  EXPECT_EQ(HtmlToText(m.html), "Go to https://x.test/Go here& more\n");
}

TEST(MimeTest, SurvivesGarbageAndDeepNesting) {
  std::string deep;
  for (int i = 0; i < 100; ++i) {
    deep += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) +
            "\r\n\r\n--b" + std::to_string(i) + "\r\n";
  }
  const DecodedMessage nested = DecodeMessage(deep);
  EXPECT_EQ(nested.attachments.size(), 1u);  // the innermost, unparsed
  const DecodedMessage garbage = DecodeMessage("no colon\r\n:empty\r\n");
  EXPECT_TRUE(garbage.headers.empty());
  EXPECT_FALSE(garbage.from.has_value());
}

sim::Email SampleEmail() {
  sim::Email email;
  email.from = "partnercenter@microsoft.tiersim.test";
  email.to = {"ada@contoso.test", "Bob Builder <bob@fabrikam.test>"};
  email.subject = "Invitation de Contoso \xE2\x80\x94 r\xC3\xA9vision";
  email.text =
      "Bonjour,\n\nAccept here: https://partnercenter.tiersim.test/"
      "invitations/0123abcd?token=T0K3N\n" +
      std::string(150, 'L') + " long line\n.hidden dot\ntrailing blank \n" +
      "= sign and caf\xC3\xA9";
  email.links = sim::ExtractLinks(email.text);
  email.kind = "partnership-invitation";
  email.sent_at = sim::kDefaultEpoch + std::chrono::microseconds(123456789);
  return email;
}

TEST(MimeTest, ComposedMessageDecodesToTheSameEmail) {
  const sim::Email email = SampleEmail();
  const std::string raw = ComposeMessage(email, "id-1@tiersim.test");
  // Lines of at most 78 characters, CRLF only, ending with CRLF.
  std::size_t start = 0;
  while (start < raw.size()) {
    const std::size_t eol = raw.find("\r\n", start);
    ASSERT_NE(eol, std::string::npos);
    EXPECT_LE(eol - start, 78u) << raw.substr(start, eol - start);
    EXPECT_EQ(raw.substr(start, eol - start).find('\n'), std::string::npos);
    start = eol + 2;
  }
  EXPECT_NE(raw.find("Date: Thu, 01 Jan 2026 00:02:03 +0000\r\n"),
            std::string::npos);
  EXPECT_NE(raw.find("X-Tiersim-Kind: partnership-invitation\r\n"),
            std::string::npos);
  EXPECT_NE(raw.find("X-Tiersim-Sent-At: 1767225723456789\r\n"),
            std::string::npos);
  for (char c : raw) EXPECT_LT(static_cast<unsigned char>(c), 0x80);

  const DecodedMessage m = DecodeMessage(raw);
  ASSERT_TRUE(m.from.has_value());
  EXPECT_EQ(FormatAddress(*m.from), email.from);
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(FormatAddress(m.to[0]), email.to[0]);
  EXPECT_EQ(FormatAddress(m.to[1]), email.to[1]);
  EXPECT_EQ(m.subject, email.subject);
  EXPECT_EQ(m.text, email.text);
  EXPECT_EQ(sim::ExtractLinks(m.text), email.links);
  EXPECT_EQ(m.kind, email.kind);
  EXPECT_EQ(m.sent_at, email.sent_at);
  EXPECT_EQ(m.message_id, "id-1@tiersim.test");
}

TEST(MimeTest, EmptyTextAndTextEndingInNewlineRoundTrip) {
  for (const std::string& text : {std::string(""), std::string("one\n"),
                                  std::string("\n\n"), std::string("a\r\nb")}) {
    sim::Email email = SampleEmail();
    email.text = text;
    EXPECT_EQ(DecodeMessage(ComposeMessage(email, "x@y")).text, text);
  }
}

TEST(MimeTest, RandomSubjectsAndTextsRoundTrip) {
  // Any bytes at all: controls, CR and LF anywhere, invalid UTF-8, "=?".
  sim::Rng rng(20260101);
  const std::string alphabet =
      std::string("ab =?_.\t\r\n\x80\xC3\xA9\xFF\0", 15) + "xyz";
  for (int i = 0; i < 500; ++i) {
    sim::Email email = SampleEmail();
    email.subject = rng.String(rng.Uniform(120), alphabet);
    email.text = rng.String(rng.Uniform(400), alphabet);
    const DecodedMessage back =
        DecodeMessage(ComposeMessage(email, "r@tiersim.test"));
    ASSERT_EQ(back.subject, email.subject) << i;
    ASSERT_EQ(back.text, email.text) << i;
  }
}

}  // namespace
}  // namespace tiersim::mocks
