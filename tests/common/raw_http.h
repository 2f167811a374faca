// A blocking TCP client for tests that must send what no HTTP library
// would (malformed heads, trickled bytes, pipelined requests) and read
// exactly what the server answers. Every read has a deadline, so a test
// cannot hang on a server that does not answer.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tiersim::testing {

class RawConnection {
 public:
  // Connects to 127.0.0.1:port; connected() says whether it worked.
  explicit RawConnection(int port);
  RawConnection(RawConnection&& other) noexcept;
  RawConnection& operator=(RawConnection&&) = delete;
  RawConnection(const RawConnection&) = delete;
  ~RawConnection();

  bool connected() const { return fd_ >= 0; }
  // Sends all of `bytes`; false when the server closed or reset.
  bool Send(std::string_view bytes);
  // One response: the head, then a Content-Length body (none when
  // `to_head`, the answer to a HEAD request). nullopt when the connection
  // closed first or `timeout` passed.
  std::optional<std::string> ReadResponse(
      std::chrono::milliseconds timeout = std::chrono::seconds(5),
      bool to_head = false);
  // The bytes up to and including the first `marker` (line protocols
  // such as SMTP); nullopt on close or timeout.
  std::optional<std::string> ReadUntil(
      std::string_view marker,
      std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True when the server closed the connection (EOF or reset) within
  // `timeout`; bytes before the close are discarded.
  bool WaitForClose(std::chrono::milliseconds timeout);
  void Close();

 private:
  // Reads more into buffer_; false on close or timeout.
  bool Fill(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffer_;
};

// "HTTP/1.1 413 ..." → 413; 0 when `response` is not a status line.
int StatusOf(std::string_view response);
// The body after the blank line.
std::string BodyOf(std::string_view response);
// The value of header `name` (case-insensitive) in `response`, or "".
std::string HeaderOf(std::string_view response, std::string_view name);

// Whether this build runs under ASan or TSan (memory figures differ).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kUnderSanitizer = true;
#else
inline constexpr bool kUnderSanitizer = false;
#endif

// Raises this process's open-file limit to its hard limit (tests holding
// thousands of connections); returns the new soft limit.
std::size_t RaiseFileLimit();
// This process's resident set size in KiB (VmRSS).
std::size_t ResidentKiB();

}  // namespace tiersim::testing
